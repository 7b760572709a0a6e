/**
 * The shell's own texts go through `vscode.l10n.t`, so `npm run l10n:export` collects them and a
 * `l10n/bundle.l10n.<locale>.json` translates them: notifications and their buttons, quick pick and
 * input box titles, placeholders, prompts and items, tree item labels, tooltips and descriptions,
 * progress titles. This reads the sources (TypeScript's parser) and fails on a text written there as
 * a plain string. Names, ids, paths and codicons are not text; a string with no word in it passes.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');

/** Properties and assignments whose value people read. */
const TEXT_FIELDS = new Set(['title', 'placeHolder', 'placeholder', 'prompt', 'tooltip', 'description', 'detail', 'label', 'text', 'name', 'message', 'openLabel']);
const MESSAGE_CALLS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'notifyError', 'appendText', 'appendMarkdown', 'MarkdownString']);

/** A literal with a word in it once `${…}` and `$(codicon)` are taken out (either branch of a `?:`). */
function hasWords(node: ts.Node): boolean {
  if (ts.isConditionalExpression(node)) return hasWords(node.whenTrue) || hasWords(node.whenFalse);
  if (ts.isParenthesizedExpression(node)) return hasWords(node.expression);
  let text: string | undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
  else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return text !== undefined && /[A-Za-z]{2,}/.test(text.replace(/\$\([\w-]+\)/g, ''));
}

function shellFiles(): string[] {
  const files: string[] = [path.join(ROOT, 'src', 'extension.ts')];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) files.push(full);
    }
  };
  walk(path.join(ROOT, 'src', 'vscode'));
  return files;
}

/** Plain texts of one file, as `line: text`. */
function plainTexts(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const flag = (node: ts.Node) => found.push(`${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText(source).slice(0, 90)}`);
  const nameOf = (expression: ts.Expression) => (ts.isPropertyAccessExpression(expression) ? expression.name.text : ts.isIdentifier(expression) ? expression.text : undefined);
  const enclosingName = (node: ts.Node): string | undefined => {
    for (let at: ts.Node | undefined = node.parent; at; at = at.parent) if ((ts.isFunctionDeclaration(at) || ts.isMethodDeclaration(at)) && at.name) return at.name.getText(source);
    return undefined;
  };
  const visit = (node: ts.Node) => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && MESSAGE_CALLS.has(nameOf(node.expression) ?? ''))
      for (const arg of node.arguments ?? []) if (hasWords(arg)) flag(arg);
    if (ts.isCallExpression(node) && nameOf(node.expression) === 'createWebviewPanel' && node.arguments[1] && hasWords(node.arguments[1])) flag(node.arguments[1]);
    // A function that returns what a title or label says (titleOf, labelFor…) returns words people read.
    if (ts.isReturnStatement(node) && node.expression && hasWords(node.expression) && /^(title|label|describe|text)/i.test(enclosingName(node) ?? '')) flag(node.expression);
    if (ts.isNewExpression(node) && nameOf(node.expression) === 'TreeItem' && node.arguments?.[0] && hasWords(node.arguments[0])) flag(node.arguments[0]);
    if (ts.isPropertyAssignment(node) && TEXT_FIELDS.has(node.name.getText(source)) && hasWords(node.initializer)) flag(node.initializer);
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      TEXT_FIELDS.has(node.left.name.text) &&
      hasWords(node.right)
    )
      flag(node.right);
    if (ts.isVariableDeclaration(node) && TEXT_FIELDS.has(node.name.getText(source)) && node.initializer && hasWords(node.initializer)) flag(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('shell texts go through vscode.l10n.t', () => {
  const files = shellFiles().map((file) => ({ file: path.relative(ROOT, file).split(path.sep).join('/'), texts: plainTexts(file) }));

  it('no text is left as a plain string in the shell', () => {
    const plain = files.filter((f) => f.texts.length > 0).map((f) => `${f.file}\n    ${f.texts.join('\n    ')}`);
    assert.deepEqual(plain, [], 'wrap each in vscode.l10n.t(...), with {0} for what is put in');
  });
});
