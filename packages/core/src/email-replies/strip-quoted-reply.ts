/**
 * Where the customer's new words end: the quoted earlier email ("On … wrote:", Outlook's
 * "-----Original Message-----" or "From: … Sent: …" block, `>` lines) and the signature
 * ("-- " line, "Sent from my …") are cut, so the ticket shows only what they just wrote.
 */
const CUT_MARKERS = [
  /^On .{1,300}wrote:\s*$/m,
  /^Le .{1,300}a écrit\s*:\s*$/m,
  /^Am .{1,300}schrieb .{1,200}:\s*$/m,
  /^Den .{1,300}skrev .{1,200}:\s*$/m,
  /^-{2,}\s*Original Message\s*-{2,}\s*$/im,
  /^_{10,}\s*$/m,
  /^From: .+\n(?:.+\n){0,3}?(?:Sent|Date): .+$/m,
  /^-- ?$/m,
  /^Sent from my .+$/m,
  /^Get Outlook for .+$/m,
];

export function stripQuotedReply(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n');
  let end = normalised.length;
  for (const marker of CUT_MARKERS) {
    const found = marker.exec(normalised);
    if (found && found.index < end) end = found.index;
  }
  const firstQuoted = /^>.*$/m.exec(normalised);
  if (firstQuoted && firstQuoted.index < end) end = firstQuoted.index;
  return normalised.slice(0, end).trim();
}
