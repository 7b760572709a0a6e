import * as vscode from 'vscode';
import type { Currency } from '../core/model';

/** The preferred salary currency: the setting, or GBP for a British English display language. */
export function preferredCurrency(): Currency {
  const setting = vscode.workspace.getConfiguration('devopsRoadmap').get<string>('currency', 'auto');
  if (setting === 'GBP' || setting === 'USD') return setting;
  return vscode.env.language.toLowerCase() === 'en-gb' ? 'GBP' : 'USD';
}
