import { compileService, assembleDefinition, simulate, compileWorkingTime } from '@qyzmet/engine';
// Placeholder: replaced by the area's implementation.
export default function ServicesList(props: Record<string, unknown>) {
  return <p>ServicesList {typeof compileService}{typeof assembleDefinition}{typeof simulate}{typeof compileWorkingTime} {JSON.stringify(props)}</p>;
}
