export * from './rooms';
export * from './health';
