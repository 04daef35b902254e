// Placeholder: replaced by the area's implementation.
export default function ApplicationPage(props: Record<string, unknown>) {
  return <p>ApplicationPage {JSON.stringify(props)}</p>;
}
