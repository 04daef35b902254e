// Placeholder: replaced by the area's implementation.
export default function ApplyPage(props: Record<string, unknown>) {
  return <p>ApplyPage {JSON.stringify(props)}</p>;
}
