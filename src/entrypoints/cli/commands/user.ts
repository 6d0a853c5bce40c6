import { checkNewPassword, validEmail } from '../../../app/auth/credentials.js';
import { NewsdeskError } from '../../../platform/errors.js';
import type { RegisterCommand } from './index.js';

/**
 * `newsdesk user add [--admin] EMAIL`: adds a person who can sign in. The password is
 * asked twice without echo on a terminal, or read from the first line of standard input
 * otherwise (`printf 'secret\n' | newsdesk user add --admin a@b.c`); it never appears in
 * the arguments, where other users of the machine could see it.
 */
export const registerUser: RegisterCommand = (program, context) => {
  const user = program.command('user').description('manage the people who can sign in');

  user
    .command('add')
    .description('add a user; the password is prompted for, or read from standard input')
    .option('--admin', 'make the user an administrator')
    .argument('<email>', 'the email the user signs in with')
    .action(async (emailArgument: string, options: { admin?: boolean }) => {
      const email = asUsage(() => validEmail(emailArgument));
      const password = process.stdin.isTTY ? await promptTwice() : await readFirstLine(process.stdin);
      asUsage(() => checkNewPassword(password));
      const app = await context.app();
      const added = await app.auth.addUser({ email, password, isAdmin: options.admin ?? false });
      context.output.line(`Added ${added.isAdmin ? 'administrator' : 'user'} ${added.email} (user ${added.id}).`);
    });
};

/** Wrong input from the person at the command line is wrong usage: exit 2. */
function asUsage<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof NewsdeskError && error.code === 'INPUT_INVALID') throw new NewsdeskError('USAGE', error.message, { cause: error });
    throw error;
  }
}

async function promptTwice(): Promise<string> {
  const first = await promptHidden('Password: ');
  asUsage(() => checkNewPassword(first));
  const second = await promptHidden('Password again: ');
  if (first !== second) throw new NewsdeskError('USAGE', 'The two passwords differ; nothing was added.');
  return first;
}

/** The first line of a piped standard input, without its line ending. */
async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Reads one line from the terminal in raw mode, echoing nothing. Ctrl-C cancels. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    function onData(chunk: string) {
      for (const character of chunk) {
        if (character === '\r' || character === '\n' || character === '\u0004') {
          finish();
          return resolve(typed.join(''));
        }
        if (character === '\u0003') {
          finish();
          return reject(new NewsdeskError('USAGE', 'Cancelled; nothing was added.'));
        }
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed.push(character);
      }
    }
    stdin.on('data', onData);
  });
}
