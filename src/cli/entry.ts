// Process entry point (bundled to dist/sscard.js, started by bin/sscard).
import { main } from './main.js';

process.exitCode = await main(process.argv);
