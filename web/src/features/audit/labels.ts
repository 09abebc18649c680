import type { TFunction } from 'i18next';
// The case step names (steps.a.*) label the case.<action> events.
import '../cases/step-fields';

/**
 * The label of an audited action: the named actions of `audit.actions`, a case step
 * (`case.<action>`) or a refused case step (`case.refused.<action>`); the code itself otherwise.
 */
export function auditActionLabel(t: TFunction, action: string): string {
  const refused = /^case\.refused\.(\w+)$/.exec(action);
  if (refused) return t('audit.caseRefused', { step: t(`steps.a.${refused[1]}`, { defaultValue: refused[1] }) });
  const named = t(`audit.actions.${action}`, { defaultValue: '' });
  if (named) return named;
  const step = /^case\.(\w+)$/.exec(action);
  if (step) return t('audit.caseStep', { step: t(`steps.a.${step[1]}`, { defaultValue: step[1] }) });
  return action;
}

/** The actor's name, or what a non-user actor (demo seed, command line, daily sweep) is. */
export const auditActorLabel = (t: TFunction, name: string): string => t(`audit.systemActors.${name}`, { defaultValue: name });
