#!/usr/bin/env node
// Builds replyline.zip, the file a site owner uploads under Plugins > Add New > Upload Plugin:
// every plugin file inside one `replyline/` folder. Node only (no zip tool needed).
// Usage: node integrations/wordpress/build-zip.mjs [output.zip]   (default: dist/replyline.zip)
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const pluginDir = dirname(fileURLToPath(import.meta.url));
const output = resolve(process.argv[2] ?? join(pluginDir, 'dist', 'replyline.zip'));
/** What ships: the PHP code, the readme and the licence; not this script or build output. */
const SHIPPED = /^(replyline\.php|uninstall\.php|readme\.txt|includes\/[\w-]+\.php)$/;

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** One local header + data, and its central directory record (ZIP spec, deflate, no extras). */
function entry(name, content, offset) {
  const data = deflateRawSync(content, { level: 9 });
  const nameBytes = Buffer.from(name, 'utf8');
  const checksum = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
  local.writeUInt16LE(0x0800, 6); // names are UTF-8
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00: the same bytes on every build
  local.writeUInt32LE(checksum, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(0x00210000, 12);
  central.writeUInt32LE(checksum, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // rw-r--r-- regular file
  central.writeUInt32LE(offset, 42);
  return {
    local: Buffer.concat([local, nameBytes, data]),
    central: Buffer.concat([central, nameBytes]),
  };
}

const files = filesUnder(pluginDir)
  .map((path) => relative(pluginDir, path).split('\\').join('/'))
  .filter((name) => SHIPPED.test(name))
  .sort();
const locals = [];
const centrals = [];
let offset = 0;
for (const name of files) {
  const { local, central } = entry(`replyline/${name}`, readFileSync(join(pluginDir, name)), offset);
  locals.push(local);
  centrals.push(central);
  offset += local.length;
}
const directory = Buffer.concat(centrals);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0);
end.writeUInt16LE(files.length, 8);
end.writeUInt16LE(files.length, 10);
end.writeUInt32LE(directory.length, 12);
end.writeUInt32LE(offset, 16);
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, Buffer.concat([...locals, directory, end]));
console.log(`${output}: ${files.length} files`);
