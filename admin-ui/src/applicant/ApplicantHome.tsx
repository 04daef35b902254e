// Placeholder: replaced by the area's implementation.
export default function ApplicantHome(props: Record<string, unknown>) {
  return <p>ApplicantHome {JSON.stringify(props)}</p>;
}
