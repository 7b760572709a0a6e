import * as vscode from 'vscode';
import { loadRoadmap, type RoadmapIndex } from '../core/roadmap';
import type { Outline } from '../core/outline';
import { createSearch, type Search } from '../core/search';
import { createAdvertMatcher, loadProjects, type AdvertMatcher, type Project } from '../core/plan';

export interface LoadedRoadmap {
  index: RoadmapIndex;
  outline: Outline;
  /** The search index, built on first use (30 ms the Career Tree's first rows need not wait for). */
  readonly search: Search;
  /** Practice projects (`data/projects.json`). */
  projects: Project[];
  /** The job-advert matcher, built on first use. */
  readonly advertMatcher: AdvertMatcher;
}

/**
 * Reads `data/roadmap.json` the first time a view or command needs it (never during activation)
 * and keeps the parsed model, its outline and its search index for the session.
 */
export class RoadmapService {
  private loading: Promise<LoadedRoadmap> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  get(): Promise<LoadedRoadmap> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<LoadedRoadmap> {
    const read = async (file: string): Promise<unknown> =>
      JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'data', file))));
    const [roadmapJson, projectsJson] = await Promise.all([read('roadmap.json'), read('projects.json')]);
    const index = loadRoadmap(roadmapJson);
    let matcher: AdvertMatcher | undefined;
    let search: Search | undefined;
    return {
      index,
      outline: index.outline,
      get search() {
        search ??= createSearch(index);
        return search;
      },
      projects: loadProjects(projectsJson),
      get advertMatcher() {
        matcher ??= createAdvertMatcher(index);
        return matcher;
      },
    };
  }
}
