/** A simulated project member: who they are, their device, their time zone and their working day. */
export type SimActor = {
	name: string;
	device: string;
	role: 'owner' | 'reviewer';
	/** Minutes east of UTC of the actor's local time. */
	tzOffsetMinutes: number;
	/** Local hour at which their working day usually starts. */
	startHour: number;
};

/** A spread-out team: string names, several time zones (so "night" differs per person), one owner. */
export const TEAM: readonly SimActor[] = [
	{ name: 'maria.lopez', device: 'laptop-maria', role: 'owner', tzOffsetMinutes: 60, startHour: 8 },
	{ name: 'tom', device: 'laptop-tom', role: 'reviewer', tzOffsetMinutes: 0, startHour: 9 },
	{ name: 'wei.chen', device: 'desktop-wei', role: 'reviewer', tzOffsetMinutes: 480, startHour: 9 },
	{ name: 'Kofi Mensah', device: 'laptop-kofi', role: 'reviewer', tzOffsetMinutes: 0, startHour: 10 },
	{ name: 'ana', device: 'tablet-ana', role: 'reviewer', tzOffsetMinutes: -300, startHour: 8 }
];

/** Free-text exclusion reasons as reviewers type them, keyed by the check that prompted them. */
export const REASONS: Record<string, readonly string[]> = {
	speeders: ['speeder', 'speeding', 'too fast', 'Speeder (< 1/3 median time)', 'completed far too quickly', 'rushed through'],
	straightlining: ['straightliner', 'straight-lining in grid Q5', 'same answer on every item', 'flatlined the BFI grid'],
	duplicates: ['duplicate', 'duplicate of 1021', 'same IP and answers as another case', 'repeat submission'],
	attention: ['failed attention check', 'missed the trap question', 'attention check failed twice'],
	bot: ['bot', 'likely a bot', 'automated response pattern', 'gibberish open ends, probably a bot'],
	'open-ends': ['nonsense open ends', 'copy-pasted answer', 'off-topic open ends', 'respuesta sin sentido'],
	consistency: ['inconsistent age and education', 'impossible answers', 'contradicts screener']
};

export const VARIABLES = ['age', 'gender', 'income', 'q5_1', 'q7', 'educ', 'region', 'oe_reason', 'duration_s', 'sat_overall'] as const;
export const RULES = ['adult', 'valid-income', 'complete-grid', 'screener-pass', 'region-known'] as const;
export const SETTINGS = [
	'checks.speeders.fraction',
	'checks.careless.psychsynCritval',
	'idVariable',
	'theme',
	'relay.url',
	'llm.enabled'
] as const;
export const COMMENTS = [
	'Can you double-check this one?',
	'Looks fine to me, keeping.',
	'@maria.lopez should we drop the whole batch from panel B?',
	'Open end is in Portuguese, not gibberish.',
	'Same pattern as yesterday.',
	'Verifiquei: é um respondente válido.'
] as const;
