import type { Dictionary, Variable } from '../../dataset/dictionary';
import type { SqlDb } from '../sql/db';
import type { SieveConfig } from '../checks/config';
import { columnStats } from './stats';
import { ident, rows, sql } from '../sql/frag';
import { detectGrids } from './grids';
import { effectiveDictionary, inferMissingCodes } from './missing-codes';
import { PLATFORM_IDS, detectPlatform, isPlatformPageTime, isPlatformParadata, nameKey } from './platform';
import type { Demographics, SurveyRoles } from './types';

// Name patterns are matched against nameKey(name): lower case, words joined by single underscores.
const ID_NAME =
	/^(id|rid|resp_?id|respondent_?id|respondent|response_?id|record_?id|case_?id|participant_?id|pid|uuid|serial|responseid|interview_?id)$/i;
const START_NAME = /^(start|start_?date|start_?time|started(_at)?|startdate|begin|begin_?time|starttime)$/i;
const END_NAME =
	/^(end|end_?date|end_?time|ended(_at)?|enddate|submit(ted)?(_?date|_?time|_at)?|completed?(_at|_?date|_?time)?|finish(ed)?(_at|_?time)?|endtime|recorded_?date)$/i;
const DURATION_NAME =
	/^(duration|duration_?(s|sec|secs|seconds|in_seconds)?|loi|time_?taken|interview_?length|length_?of_?interview|total_?time|elapsed)$/i;
const DURATION_MIN_NAME = /^(duration_?(m|min|mins|minutes)|loi_?min(utes)?)$/i;
const IP_NAME = /^(ip|ip_?address|ipaddress|ip_?addr|remote_?addr)$/i;
const UA_NAME = /^(user_?agent|useragent|ua|browser_?string|http_?user_?agent)$/i;
const WEIGHT_NAME = /^(weight|weights|weighting|wt|wgt|w|p_?weight|weight_?\w*|\w+_weight|wgt_?\w*|wt_\w+|\w+_wt|final_?wt)$/i;
const WEIGHT_LABEL = /\b((survey|sampling|sample|design|post[- ]?strat\w*|final|case|person|household) weight|weighting factor)\b/i;
const OPEN_NAME = /(^oe|_oe$|open|comment|verbatim|feedback|remarks?|explain|why|_other$|_text$|specify)/i;
const SCREENER_NAME = /^(s\d+[a-z]?|s_\d+[a-z]?|scr_?\w*|screen(er)?_?\w*|qs\d+)$/i;
const SCREENER_LABEL = /\b(screen(er|ing)?|eligib(le|ility)|qualif(y|ies|ication))\b/i;
const ATTENTION_NAME = /(attention|attn|^ac_?\d*$|trap|imc|instructed|check_?item|_ac$|red_?herring)/i;
const ATTENTION_LABEL =
	/(attention|please (select|choose|mark|click|answer|pick)|(select|choose|mark|click|pick|answer) ["'“‘]?(strongly )?(agree|disagree|neither|neutral)|select .* (to show|for this)|to show you are (reading|paying)|(are|you're) (reading|paying attention))/i;
const INTERVIEWER_NAME =
	/^(interviewer|interviewer_?(id|code|no|nr|num|name)|int_?(id|no|nr|code)|intnr|iwer_?(id)?|enumerator|enumerator_?(id|code|name)|enum_?(id|code)|surveyor|surveyor_?(id|name)|fieldworker|field_?worker_?(id|name)?|fw_?id|submitted_by|submitter_?name)$/i;
const INTERVIEWER_LABEL = /\b(interviewer|enumerator|fieldworker|field worker|surveyor)\b/i;
const PAGE_TIME_NAME = /^(page_?\d+_?(time|sec|secs|seconds|timer)|(time|timer|t)_?(page|p|pg)_?\d+|pt_?\d+)$/i;

const DEMOGRAPHIC: [keyof Demographics, RegExp, RegExp][] = [
	['age', /^(age|age_?years|q?age|alter|edad|âge)$/i, /\b(age|how old)\b/i],
	['gender', /^(gender|sex|geschlecht|sexe|genero|género)$/i, /\b(gender|sex)\b/i],
	['education', /^(educ(ation)?|edu|education_?level|degree|bildung)$/i, /\b(education|highest degree|schooling)\b/i],
	['income', /^(income|hh_?income|household_?income|einkommen|revenu|ingresos)$/i, /\bincome\b/i],
	['region', /^(region|state|province|bundesland|county|district)$/i, /\b(region|state|province)\b/i],
	['country', /^(country|land|pays|pais|país|country_?code)$/i, /\bcountry\b/i],
	['birthDate', /^(dob|birth_?date|date_?of_?birth|birthday|geburtsdatum)$/i, /\b(date of birth|birth date)\b/i]
];

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Detects roles from names, labels, types and values; `config` overrides any of them.
 * @example const roles = await detectRoles(db, dictionary, config);
 */
export async function detectRoles(db: SqlDb, original: Dictionary, config: SieveConfig = {}): Promise<SurveyRoles> {
	let stats = await columnStats(db, original);
	const missingCodes = await inferMissingCodes(db, original, stats);
	const dict = effectiveDictionary(original, missingCodes);
	if (Object.keys(missingCodes).length) stats = await columnStats(db, dict);
	const vars = dict.variables;
	const st = (v: Variable) => stats.get(v.name)!;
	const rowsTotal = Math.max(...vars.map((v) => st(v).n), 0);
	const by = (pred: (v: Variable) => boolean) => vars.find(pred)?.name ?? null;
	const declared = (role: string) => by((v) => v.role === role);

	const key = (v: Variable) => nameKey(v.name);
	const platform = detectPlatform(vars.map((v) => v.name));

	// approx_count_distinct is HyperLogLog, off by a few percent: it only shortlists, an exact count decides
	const nearlyUnique = (v: Variable) => {
		const s = st(v);
		// (on a few dozen rows it undercounts by 15 %, so small files go straight to the exact count)
		return (
			s.n > 0 && s.n >= rowsTotal * 0.98 && (s.n < 10_000 || s.distinct >= s.n * 0.8) && (v.type !== 'numeric' || s.integerShare === 1)
		);
	};
	// respondents are named by the id in every decision, so it must be present and distinct in every row
	// (a column "like" an id, with a few repeats or blanks, still has 90 % distinct values: PID, a
	// 7-point party-identification scale, is no id at all)
	const idKind = async (v: Variable): Promise<'id' | 'like' | null> => {
		const c = ident(v.name);
		const [r] = await rows<{ t: number; n: number; d: number }>(
			db,
			sql`SELECT count(*) AS t, count(NULLIF(trim(CAST(${c} AS VARCHAR)), '')) AS n, count(DISTINCT ${c}) AS d FROM data`
		);
		const [t, n, d] = [Number(r.t), Number(r.n), Number(r.d)];
		if (t > 0 && n === t && d === t) return 'id';
		return n > 0 && d >= n * 0.9 ? 'like' : null;
	};
	let id = declared('id');
	const idPatterns: ((v: Variable) => boolean)[] = [
		...(platform ? PLATFORM_IDS[platform].map((k) => (v: Variable) => key(v) === k) : []),
		(v) => ID_NAME.test(key(v)),
		(v) => /(^|_)(id|uuid)$/i.test(key(v))
	];
	// an id-named column with a few repeats or blanks cannot name respondents, but it is no answer
	// either: the duplicates check reports its repeats
	let idLike: string | null = null;
	// the scan goes on past a declared id (the user's choice, or sieve_id added at import because the
	// file's own id repeats): a second id-named column is still no answer
	for (const matches of idPatterns) {
		for (const v of vars) {
			if (v.name === id || v.name === idLike || (id && idLike)) continue;
			if (!matches(v) || !nearlyUnique(v)) continue;
			const kind = await idKind(v);
			if (!id && kind === 'id') id = v.name;
			else if (!idLike && kind && matches !== idPatterns.at(-1)) idLike = v.name;
		}
	}
	if (id && idLike === id) idLike = null;

	const timestamps = vars.filter((v) => v.type === 'datetime');
	const when = (v: Variable) => v.type === 'datetime' || v.type === 'date';
	let start = declared('start') ?? by((v) => when(v) && START_NAME.test(key(v)));
	let end = declared('end') ?? by((v) => when(v) && END_NAME.test(key(v)));
	if (!start && !end && timestamps.length === 2) {
		const [a, b] = [...timestamps].sort((x, y) => (st(x).meanEpoch ?? 0) - (st(y).meanEpoch ?? 0));
		start = a.name;
		end = b.name;
	}
	let durationScale = 1;
	let duration = declared('duration') ?? by((v) => isNumber(v) && DURATION_NAME.test(key(v)));
	if (!duration) {
		duration = by((v) => isNumber(v) && DURATION_MIN_NAME.test(key(v)));
		if (duration) durationScale = 60;
	}
	const ip =
		declared('ip') ??
		by((v) => v.type === 'string' && IP_NAME.test(key(v))) ??
		by((v) => v.type === 'string' && share(st(v).sample, (s) => IPV4.test(s) || /^[0-9a-f:]+:[0-9a-f:]+$/i.test(s)) > 0.9);
	const userAgent =
		declared('user-agent') ??
		by((v) => v.type === 'string' && UA_NAME.test(key(v))) ??
		by((v) => v.type === 'string' && share(st(v).sample, (s) => /^Mozilla\/\d/.test(s)) > 0.8);
	const fileWeight = original.weight && vars.some((v) => v.name === original.weight) ? original.weight : null;
	const weightLike = (v: Variable) => {
		const s = st(v);
		return isNumber(v) && s.n > 0 && (s.min ?? 0) >= 0 && s.integerShare < 1;
	};
	const weight =
		declared('weight') ??
		fileWeight ??
		by((v) => weightLike(v) && WEIGHT_NAME.test(key(v))) ??
		by((v) => weightLike(v) && WEIGHT_LABEL.test(v.label ?? ''));

	// an interviewer code repeats across that interviewer's respondents: a nearly unique column is an id, not an interviewer
	const interviewerLike = (v: Variable) => v.name !== id && v.name !== idLike && st(v).n > 0 && st(v).distinct <= Math.max(1, st(v).n / 2);
	const interviewer =
		by((v) => interviewerLike(v) && INTERVIEWER_NAME.test(key(v))) ??
		by((v) => interviewerLike(v) && INTERVIEWER_LABEL.test(v.label ?? ''));

	const roled = new Set([id, idLike, start, end, duration, ip, userAgent, weight].filter((x): x is string => !!x));
	const pageTimes = vars
		.filter((v) => isNumber(v) && (PAGE_TIME_NAME.test(key(v)) || (platform !== null && isPlatformPageTime(platform, v.name))))
		.map((v) => v.name);
	const platformParadata = [
		...(idLike ? [idLike] : []),
		...(platform
			? vars.filter((v) => !roled.has(v.name) && !pageTimes.includes(v.name) && isPlatformParadata(platform, v.name)).map((v) => v.name)
			: [])
	];
	const paradata = new Set([...roled, ...pageTimes, ...platformParadata]);

	const attentionChecks = vars
		.filter(
			(v) => v.role === 'attention-check' || (!paradata.has(v.name) && (ATTENTION_NAME.test(v.name) || ATTENTION_LABEL.test(v.label ?? '')))
		)
		.map((v) => v.name);
	const screeners = vars
		.filter(
			(v) =>
				v.role === 'screener' ||
				(!paradata.has(v.name) && !attentionChecks.includes(v.name) && (SCREENER_NAME.test(key(v)) || SCREENER_LABEL.test(v.label ?? '')))
		)
		.map((v) => v.name);
	// "Are you 18 years of age or older?" screens respondents; it does not record their age
	const screening = new Set([...attentionChecks, ...screeners]);
	const demographics: Demographics = {};
	for (const [field, nameRe, labelRe] of DEMOGRAPHIC) {
		const hit =
			by((v) => !paradata.has(v.name) && nameRe.test(key(v))) ??
			by(
				(v) =>
					!paradata.has(v.name) && !screening.has(v.name) && field !== 'birthDate' && labelRe.test(v.label ?? '') && !/_\d+$/.test(v.name)
			);
		if (hit) demographics[field] = hit;
	}
	const demoSet = new Set(Object.values(demographics));

	const isOpen = (v: Variable) => {
		if (v.type !== 'string' || paradata.has(v.name) || demoSet.has(v.name)) return false;
		const s = st(v);
		if (s.n === 0) return false;
		// Qualtrics marks its text-entry answers in the ImportId (QID3_TEXT, QID5_4_TEXT)
		if (/_TEXT$/.test(v.attributes?.ImportId?.[0] ?? '')) return true;
		if (looksStructured(s.sample)) return false;
		const distinctRatio = s.distinct / s.n;
		// large files repeat short answers often, so many distinct values count as much as a high ratio
		if (OPEN_NAME.test(v.name) && (distinctRatio > 0.05 || s.distinct >= 50)) return true;
		return s.avgLength >= 12 && s.spaceShare >= 0.3 && (distinctRatio >= 0.3 || s.distinct >= 5000);
	};
	const openEnds = vars.filter((v) => v.role === 'open-end' || isOpen(v)).map((v) => v.name);

	// select-multiple options are 0/1 flags of one question, not items of a rating grid
	const optionFlags = (original.mrSets ?? []).filter((m) => m.kind === 'dichotomy').flatMap((m) => m.variables);
	const excluded = new Set([...paradata, ...openEnds, ...demoSet, ...attentionChecks, ...screeners, ...optionFlags]);
	const grids = detectGrids(
		vars.filter((v) => !excluded.has(v.name)),
		stats
	);

	const roles: SurveyRoles = {
		id,
		idLike,
		weight,
		start,
		end,
		duration,
		durationScale,
		ip,
		userAgent,
		interviewer,
		grids,
		openEnds,
		screeners,
		attentionChecks,
		demographics,
		pageTimes,
		platform,
		paradata: platformParadata,
		missingCodes
	};
	return applyConfig(roles, config, dict);
}

/**
 * CONFIG wins over detection for the names the file has; the others are the Dataset's problems
 * (`dataset/config-problems.ts`), so one misspelt name does not stop the project from opening.
 */
export function applyConfig(roles: SurveyRoles, config: SieveConfig, dict: Dictionary): SurveyRoles {
	const known = new Set(dict.variables.map((v) => v.name));
	const has = (name: string | undefined): name is string => name !== undefined && known.has(name);
	const r = { ...roles };
	if (has(config.id)) r.id = config.id;
	if (has(config.start)) r.start = config.start;
	if (has(config.end)) r.end = config.end;
	if (has(config.duration)) {
		r.duration = config.duration;
		r.durationScale = 1;
	}
	if (has(config.ip)) r.ip = config.ip;
	if (has(config.weight)) r.weight = config.weight;
	if (has(config.userAgent)) r.userAgent = config.userAgent;
	if (config.screeners) r.screeners = config.screeners.filter(has);
	if (config.paradata) r.paradata = config.paradata.filter(has);
	if (config.openEnds) r.openEnds = config.openEnds.filter(has);
	if (config.attentionChecks) r.attentionChecks = config.attentionChecks.map((a) => a.variable).filter(has);
	if (config.grids) {
		r.grids = config.grids
			.filter((g) => g.items.every(has))
			.map((g) => {
				const detected = roles.grids.find((d) => d.items.join() === g.items.join());
				return {
					name: g.name,
					items: [...g.items],
					scale: g.scale ?? detected?.scale ?? null,
					reversed: g.reversed ?? [],
					factors: g.factors ?? null
				};
			});
	}
	return r;
}

function isNumber(v: Variable): boolean {
	return v.type === 'numeric' || v.type === 'time';
}

function share(xs: string[], pred: (s: string) => boolean): number {
	return xs.length ? xs.filter(pred).length / xs.length : 0;
}

function looksStructured(sample: string[]): boolean {
	return (
		share(sample, (s) => /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(s)) > 0.8 ||
		share(sample, (s) => /^[+()\d\s./-]{6,}$/.test(s)) > 0.8 ||
		share(sample, (s) => /^https?:\/\//.test(s)) > 0.8 ||
		share(sample, (s) => /^\d{4}-\d{2}-\d{2}/.test(s)) > 0.8
	);
}
