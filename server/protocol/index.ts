export * from './rooms';
export * from './health';
export * from './llm';
