export { detectPii } from './detect';
export { maskPii, maskValue } from './mask';
export { DEFAULT_PHONE_COUNTRIES } from './phone';
export { PII_KINDS, type PiiKind, type PiiMatch, type PiiOptions } from './types';
export { createRedactor, PLACEHOLDER_RE, restorePlaceholders, type Redactor } from './redact';
