export * from './rooms';
export * from './health';
export * from './connectors';
export * from './logs';
export * from './llm';
