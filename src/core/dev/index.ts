/** The local server's own actions (demo login, settable clock): their contract only. */
export * from './contract';
