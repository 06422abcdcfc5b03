// Decodes the captured stream (see Capture.cs) with the official JavaScript driver's dechunker and
// PackStream v1 unpacker, hydrating nodes as its Bolt 5 protocol does. Usage: node decode.mjs FILE
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Node } from 'neo4j-driver-core';

const require = createRequire(import.meta.url);
const { Unpacker } = require('neo4j-driver-bolt-connection/lib/packstream/packstream-v1.js');
const { Dechunker } = require('neo4j-driver-bolt-connection/lib/channel/chunking.js');
const ChannelBuffer = require('neo4j-driver-bolt-connection/lib/channel/channel-buf.js').default;

const file = readFileSync(process.argv[2]);
const unpacker = new Unpacker(true /* plain numbers, as the .NET side gives longs */, false);
const hydrate = (s) => (s.signature === 0x4e ? new Node(s.fields[0], s.fields[1], s.fields[2], s.fields[3]) : s);

function decodeAll() {
  let count = 0;
  let values = 0;
  const dechunker = new Dechunker();
  dechunker.onmessage = (message) => {
    const record = unpacker.unpack(message, hydrate);
    values += record.fields[0].length;
    count += 1;
  };
  // The driver receives socket reads of up to 64 KiB; feed the same sizes.
  for (let offset = 0; offset < file.length; offset += 65536) {
    dechunker.write(new ChannelBuffer(file.subarray(offset, Math.min(offset + 65536, file.length))));
  }
  return { count, values };
}

const rates = [];
for (let pass = 0; pass < 8; pass++) {
  const start = process.hrtime.bigint();
  const { count } = decodeAll();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  rates.push(count / seconds);
  console.log(`pass ${pass}: ${Math.round(count / seconds).toLocaleString('en-US')} records/s`);
}
const measured = rates.slice(3).sort((a, b) => a - b);
console.log(`median of passes 3-7: ${Math.round(measured[2]).toLocaleString('en-US')} records/s`);
