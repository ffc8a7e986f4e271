// The relay's admin page: plain DOM, text only (log messages come from clients and are never parsed as HTML).
const $ = (id) => document.getElementById(id);
let token = sessionStorage.getItem('sieve-admin-token') ?? '';
let cursor = null;

const api = async (path, init = {}) => {
	const res = await fetch(path, {
		...init,
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) }
	});
	if (!res.ok) {
		const body = await res.json().catch(() => ({}));
		throw new Error(`${path}: ${res.status} ${body.error ?? ''}`);
	}
	return res;
};
const show = (error) => ($('status').textContent = error ? String(error.message ?? error) : '');
const cell = (text, cls) => {
	const td = document.createElement('td');
	td.textContent = text ?? '';
	if (cls) td.className = cls;
	return td;
};
const row = (...cells) => {
	const tr = document.createElement('tr');
	tr.append(...cells);
	return tr;
};
const button = (label, onClick) => {
	const td = document.createElement('td');
	const b = document.createElement('button');
	b.textContent = label;
	b.onclick = () => onClick().catch(show);
	td.append(b);
	return td;
};
const when = (iso) => new Date(iso).toLocaleString();

function filterQuery() {
	const form = new FormData($('log-filter'));
	const q = new URLSearchParams();
	for (const key of ['level', 'q', 'trace']) if (form.get(key)) q.set(key, form.get(key));
	if (form.get('since')) q.set('since', new Date(form.get('since')).toISOString());
	return q;
}

async function loadLogs(more = false) {
	const q = filterQuery();
	q.set('limit', '200');
	if (more && cursor) q.set('cursor', cursor);
	const page = await (await api(`/logs?${q}`)).json();
	if (!more) $('log-rows').replaceChildren();
	for (const e of page.entries) {
		$('log-rows').append(
			row(
				cell(when(e.time)),
				cell(e.level, e.level),
				cell(e.message),
				cell(e.count > 1 ? String(e.count) : ''),
				cell(e.error ? `${e.error.name}: ${e.error.message}` : ''),
				cell(e.trace),
				cell(e.room)
			)
		);
	}
	cursor = page.cursor;
	$('older').hidden = !cursor;
}

async function exportLogs(format) {
	const q = filterQuery();
	q.set('format', format);
	const blob = await (await api(`/logs/export?${q}`)).blob();
	const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: `sieve-relay-logs.${format}` });
	a.click();
	setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

async function loadErrors() {
	const groups = await (await api('/logs/errors')).json();
	$('error-rows').replaceChildren(
		...groups.map((g) =>
			row(
				cell(String(g.count)),
				cell(g.message),
				cell(when(g.firstSeen)),
				cell(when(g.lastSeen)),
				g.resolved
					? cell('resolved')
					: button('Resolve', async () => (await api(`/logs/errors/${g.fingerprint}/resolve`, { method: 'POST' }), loadErrors()))
			)
		)
	);
}

function drawChart(buckets) {
	const svg = $('chart');
	svg.replaceChildren();
	const max = Math.max(1, ...buckets.map((b) => b.requests));
	const w = 800 / Math.max(1, buckets.length);
	const ns = 'http://www.w3.org/2000/svg';
	buckets.forEach((b, i) => {
		for (const [value, colour, shrink] of [
			[b.requests, '#1f6f8b', 0],
			[b.slow, '#ca6f1e', 0.25],
			[b.failed, '#b03a2e', 0.4]
		]) {
			if (!value) continue;
			const r = document.createElementNS(ns, 'rect');
			const h = (value / max) * 190;
			r.setAttribute('x', String(i * w + w * shrink));
			r.setAttribute('width', String(Math.max(1, w * (1 - 2 * shrink) - 1)));
			r.setAttribute('y', String(200 - h));
			r.setAttribute('height', String(h));
			r.setAttribute('fill', colour);
			const title = document.createElementNS(ns, 'title');
			title.textContent = `${when(b.bucket)}: ${b.requests} requests, ${b.slow} slow, ${b.failed} failed, avg ${b.avgMs} ms, max ${b.maxMs} ms`;
			r.append(title);
			svg.append(r);
		}
	});
}

async function loadRequests() {
	const period = $('period').value;
	const span = { minute: 3_600_000, hour: 7 * 86_400_000, day: 90 * 86_400_000 }[period];
	const since = new Date(Date.now() - span).toISOString();
	drawChart(await (await api(`/logs/metrics?period=${period}&since=${since}`)).json());
	const slow = await (await api('/logs/requests?slow=1&limit=100')).json();
	$('slow-rows').replaceChildren(
		...slow.map((l) =>
			row(
				cell(new Date(l.time).toLocaleString()),
				cell(l.method),
				cell(l.route),
				cell(String(l.status)),
				cell(String(l.durationMs)),
				cell(l.trace)
			)
		)
	);
}

async function loadAlerts() {
	const rules = await (await api('/alerts')).json();
	$('rule-rows').replaceChildren(
		...rules.map((r) =>
			row(
				cell(r.name),
				cell(`${r.metric} ${r.op} ${r.threshold}`),
				cell(`${r.windowS} s`),
				cell(`${r.throttleS} s`),
				cell(r.hook),
				button('Delete', async () => (await api(`/alerts/${r.id}`, { method: 'DELETE' }), loadAlerts()))
			)
		)
	);
	const history = await (await api('/alerts/history')).json();
	$('history-rows').replaceChildren(
		...history.map((h) => row(cell(when(h.at)), cell(`${h.name}: ${h.metric} ${h.op} ${h.threshold}`), cell(String(h.value))))
	);
}

const LOADERS = { logs: () => loadLogs(), errors: loadErrors, requests: loadRequests, alerts: loadAlerts };
let current = 'logs';
function open(tab) {
	current = tab;
	for (const b of document.querySelectorAll('nav button')) b.setAttribute('aria-current', String(b.dataset.tab === tab));
	for (const s of document.querySelectorAll('section')) s.hidden = s.id !== tab;
	show(null);
	if (token) LOADERS[tab]().catch(show);
}

$('token').value = token;
$('login').onsubmit = (e) => {
	e.preventDefault();
	token = $('token').value.trim();
	sessionStorage.setItem('sieve-admin-token', token);
	open(current);
};
for (const b of document.querySelectorAll('nav button')) b.onclick = () => open(b.dataset.tab);
$('log-filter').onsubmit = (e) => {
	e.preventDefault();
	loadLogs().catch(show);
};
for (const b of document.querySelectorAll('[data-export]')) b.onclick = () => exportLogs(b.dataset.export).catch(show);
$('older').onclick = () => loadLogs(true).catch(show);
$('period').onchange = () => loadRequests().catch(show);
$('alert-form').onsubmit = async (e) => {
	e.preventDefault();
	const f = new FormData(e.target);
	const rule = {
		name: f.get('name'),
		metric: f.get('metric'),
		op: f.get('op'),
		threshold: Number(f.get('threshold')),
		windowS: Number(f.get('windowS')),
		throttleS: Number(f.get('throttleS')),
		hook: f.get('hook')
	};
	try {
		await api('/alerts', { method: 'POST', body: JSON.stringify(rule) });
		await loadAlerts();
	} catch (error) {
		show(error);
	}
};
open('logs');
