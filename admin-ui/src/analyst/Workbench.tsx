// Placeholder: replaced by the area's implementation.
export default function Workbench(props: Record<string, unknown>) {
  return <p>Workbench {JSON.stringify(props)}</p>;
}
