import type { HookFormat } from '../../protocol/hooks';
import { genericBody } from './generic';
import { slackBody } from './slack';
import type { HookEvent } from './summary';
import { teamsBody } from './teams';

export type { HookEvent } from './summary';

const RENDERERS: Record<HookFormat, (event: HookEvent) => string> = { generic: genericBody, slack: slackBody, teams: teamsBody };

/** The request body a hook of `format` receives for `event`. */
export const renderBody = (format: HookFormat, event: HookEvent) => RENDERERS[format](event);
