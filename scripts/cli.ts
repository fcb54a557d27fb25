/**
 * What every script of `npm run <script> --` shares: `--help` prints the usage and exits before
 * anything happens, and an option the script doesn't know is refused instead of ignored.
 */
export function parseOptions(argv: string[], usage: string, known: readonly string[], flags: readonly string[] = []): Map<string, string> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${usage.trim()}\n`);
    process.exit(0);
  }
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith("--") ? argv[i].slice(2) : undefined;
    if (name !== undefined && flags.includes(name)) {
      options.set(name, "true");
    } else if (name !== undefined && known.includes(name) && argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) {
      options.set(name, argv[++i]);
    } else {
      process.stderr.write(`${name !== undefined && known.includes(name) ? `--${name} needs a value` : `unknown option ${argv[i]}`}\n\n${usage.trim()}\n`);
      process.exit(2);
    }
  }
  return options;
}
