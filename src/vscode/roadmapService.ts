import * as vscode from 'vscode';
import { loadRoadmap, type RoadmapIndex } from '../core/roadmap';
import type { Outline } from '../core/outline';
import { createSearch, type Search } from '../core/search';

export interface LoadedRoadmap {
  index: RoadmapIndex;
  outline: Outline;
  search: Search;
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
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'data', 'roadmap.json'));
    const index = loadRoadmap(JSON.parse(new TextDecoder().decode(bytes)));
    return { index, outline: index.outline, search: createSearch(index) };
  }
}
