// A separate process for the journal tests, run with `node --import tsx`:
//   append <dir> <producers> [count]  appends (forever by default) and prints each seq on its own
//                                    line only AFTER its append promise resolved (i.e. it is synced)
//   create <dir>                     tries to create a journal and prints the outcome as JSON
import { openJournal } from '../journal-writer';

const [mode, dir, producersArg, countArg] = process.argv.slice(2);

if (mode === 'create') {
  try {
    const journal = await openJournal(dir!, { create: true });
    await journal.close();
    console.log(JSON.stringify({ ok: true }));
  } catch (error) {
    const { code, errno, message } = error as { code?: string; errno?: string; message: string };
    console.log(JSON.stringify({ ok: false, code, errno, message }));
  }
} else if (mode === 'append') {
  const journal = await openJournal(dir!, { create: true });
  const producers = Number(producersArg ?? 1);
  const count = countArg ? Number(countArg) : Number.POSITIVE_INFINITY;
  let issued = 0;
  const producer = async (id: number) => {
    while (issued < count) {
      issued++;
      const event = await journal.append('output.chunk', { producer: id, text: 'x'.repeat(120) });
      process.stdout.write(`${event.seq}\n`);
    }
  };
  await Promise.all(Array.from({ length: producers }, (_, id) => producer(id)));
  await journal.close();
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
