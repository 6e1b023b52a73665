// Process entry point (bundled to dist/sscard.cjs, started by bin/sscard).
import { main } from './main.js';

void main(process.argv).then((code) => {
  process.exitCode = code;
});
