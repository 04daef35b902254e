// Placeholder: replaced by the area's implementation.
export default function OfficerInbox(props: Record<string, unknown>) {
  return <p>OfficerInbox {JSON.stringify(props)}</p>;
}
