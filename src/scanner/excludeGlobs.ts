/**
 * The `exclude` globs of a scan (`files.exclude`, `devopsRoadmap.scan.exclude`) as one matcher, the
 * same in the extension host (ThreadedNodeSource's single-file questions) and in the folder worker
 * that walks the folder.
 */
import picomatch from 'picomatch';

/** A matcher for the globs (picomatch, dot files included), or undefined when there are none. */
export function excludeMatcher(globs: readonly string[]): ((path: string) => boolean) | undefined {
  return globs.length > 0 ? picomatch([...globs], { dot: true }) : undefined;
}
