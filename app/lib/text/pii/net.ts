const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** Dotted IPv4 (each octet 0–255) and full or `::`-compressed IPv6. */
export const IP_RE = new RegExp(
	`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?![\\d.]*\\d)|(?<![\\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\\w:])|(?<![\\w:])(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,5})?(?![\\w:])`,
	'gi'
);

export const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// A scheme, `www.`, or a bare domain with a common TLD followed by a path; a bare "site.com" counts too.
export const URL_RE =
	/\b(?:https?:\/\/|www\.)[^\s<>"']+[^\s<>"'.,;:!?)]|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|de|fr|es|it|nl|pl|tr|pt|uk|eu|io|info|be|at|ch|se|no|dk|fi|ru|br|us|ca|au)(?:\/[^\s<>"']*[^\s<>"'.,;:!?)])?\b/gi;
