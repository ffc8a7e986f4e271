import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../app/lib/monitor/logger';
import type { LocalLogEntry } from '../../../app/lib/monitor/types';

const TRACE = 'a'.repeat(32);

function setup(minLevel?: 'info') {
	const entries: LocalLogEntry[] = [];
	const log = createLogger({
		sink: (e) => entries.push(e),
		trace: TRACE,
		source: 'page',
		now: () => Date.UTC(2026, 0, 2, 3, 4, 5),
		minLevel
	});
	return { log, entries };
}

describe('createLogger', () => {
	it('writes structured entries with level, ISO time, trace and source, and drops those below the minimum level', () => {
		const { log, entries } = setup('info');
		log.debug('noise');
		log.info('import finished', { rows: 1200, format: 'sav' });
		log.warn('slow');
		expect(entries).toEqual([
			{
				time: '2026-01-02T03:04:05.000Z',
				level: 'info',
				message: 'import finished',
				context: { rows: 1200, format: 'sav' },
				trace: TRACE,
				source: 'page'
			},
			{ time: '2026-01-02T03:04:05.000Z', level: 'warn', message: 'slow', trace: TRACE, source: 'page' }
		]);
	});

	it('records errors with name, stack and fingerprint, redacted before the sink sees them', () => {
		const { log, entries } = setup();
		const boom = new TypeError('cannot mail jo@example.com');
		log.error('send failed', boom, { token: 'secret-value', card: '4111111111111111' });
		const [e] = entries;
		expect(e!.level).toBe('error');
		expect(e!.context).toEqual({ token: '[REDACTED]', card: '[CARD]' });
		expect(e!.error!.name).toBe('TypeError');
		expect(e!.error!.message).toBe('cannot mail [EMAIL]');
		expect(e!.error!.stack).toContain('logger.test.ts');
		expect(e!.error!.stack).not.toContain('jo@example.com');
		expect(e!.error!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
		log.error('thrown string', 'plain failure');
		expect(entries[1]!.error).toMatchObject({ name: 'Error', message: 'plain failure' });
		log.error('no error object');
		expect(entries[2]!.error).toBeUndefined();
	});

	it('times async work, logging duration on success and an error on failure, and passes results and throws through', async () => {
		const { log, entries } = setup();
		const run = log.child({ projectId: 'p1' }, 'p1');
		expect(await run.time('check run', async () => 42, { check: 'speeders' })).toBe(42);
		await expect(run.time('export', () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
		expect(entries[0]).toMatchObject({
			level: 'info',
			message: 'check run',
			projectId: 'p1',
			context: { projectId: 'p1', check: 'speeders' }
		});
		expect(entries[0]!.context!.durationMs).toBeGreaterThanOrEqual(0);
		expect(entries[1]).toMatchObject({ level: 'error', message: 'export failed', error: { message: 'disk full' } });
	});
});
