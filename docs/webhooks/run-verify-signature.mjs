// Runs verify-signature.ts on a captured delivery, for the integration test that checks the README's TypeScript
// sample. Node 20 cannot run TypeScript itself: the client's TypeScript compiler strips the types first.
// stdin: {"body": "...", "signature": "t=...,v1=...", "secret": "whsec_..."}; exit code 0 when valid, 1 when not.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const ts = createRequire(`${here}../../client/package.json`)('typescript');
const source = readFileSync(`${here}verify-signature.ts`, 'utf8');
const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
const { verifyWebhook } = await import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);

const delivery = JSON.parse(readFileSync(0, 'utf8'));
process.exit(verifyWebhook(delivery.body, delivery.signature, delivery.secret) ? 0 : 1);
