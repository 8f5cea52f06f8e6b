/**
 * Where a cell's syntax error is. Deno's kernel (2.9) answers a cell that does not parse with only
 * "Execution failed" (the diagnostic goes to the kernel's own stderr, not to the notebook), so the grader parses
 * the cell's text itself with `deno fmt` (which only parses and prints; nothing is run).
 *
 * @module
 */

/** The syntax error of some TypeScript, as "line L, column C: message", or "" when it parses. */
export async function syntaxError(source: string): Promise<string> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--ext=ts", "-"],
    stdin: "piped",
    stdout: "null",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(source));
  await writer.close();
  const out = await child.output();
  if (out.success) return "";
  const text = new TextDecoder().decode(out.stderr);
  const message = /error: (?:SyntaxError: )?(.*)/.exec(text)?.[1]?.trim() ?? "";
  const at = /_stdin\.ts:(\d+):(\d+)/.exec(text);
  if (!at) return "";
  return `line ${at[1]}, column ${at[2]}: ${message}`;
}
