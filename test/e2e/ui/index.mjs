// The UI checks, one file each, in the order they run: each starts where the one before left the
// workbench (the tree open, a stage expanded, …). A check exports `title` and `run(context)`, where
// context is a UiContext (./context.mjs); it throws to fail. test/e2e/run.mjs runs them.
import * as activityBar from './activityBar.mjs';
import * as expandStage from './expandStage.mjs';
import * as searchTerraform from './searchTerraform.mjs';
import * as openStage from './openStage.mjs';
import * as overview from './overview.mjs';
import * as markSkillDone from './markSkillDone.mjs';
import * as failureNotification from './failureNotification.mjs';
import * as noteSurvivesReload from './noteSurvivesReload.mjs';
import * as narrowSideBar from './narrowSideBar.mjs';
import * as webHost from './webHost.mjs';
import * as accessibility from './accessibility.mjs';
import * as detailsNavigation from './detailsNavigation.mjs';

export const CHECKS = [
  activityBar,
  expandStage,
  searchTerraform,
  openStage,
  overview,
  markSkillDone,
  detailsNavigation,
  failureNotification,
  noteSurvivesReload,
  narrowSideBar,
  ...accessibility.checks,
  accessibility.policyCheck,
];

/** The web pass (the extension in the web worker host, as on vscode.dev): the tree, search, details, the scan. */
export const WEB_CHECKS = [activityBar, searchTerraform, openStage, webHost];
