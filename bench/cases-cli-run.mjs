// Runs the jiceng CLI from the sources named by CLI_SRC (see bench/cases-cli.bench.ts).
const { main } = await import(process.env.CLI_SRC);
process.exitCode = await main(process.argv.slice(2));
