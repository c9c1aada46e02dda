// Preloaded (node --import) into the bot's own process by entry-process.test.ts, to cause
// the two faults no handler catches: SIGUSR2 rejects a promise nobody waits for, SIGHUP
// throws from a timer. Nothing else changes in the process.
process.on("SIGUSR2", () => {
  Promise.reject(new Error("injected: a promise nobody waited for"));
});
process.on("SIGHUP", () => {
  setImmediate(() => {
    throw new Error("injected: an exception nothing caught");
  });
});
