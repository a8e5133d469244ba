// Decodes a gzipped profile.proto with pprof-format (an implementation of
// the format that is not memroot-report's) and prints what the tests
// compare, as JSON: the sample types, the sum of each sample value, the
// functions with their files, and each location's lines.
// Copyright (C) 2026 the memroot developers.
// SPDX-License-Identifier: GPL-2.0-or-later
// This file is part of memroot, free software under the
// GNU General Public License, version 2 or (at your option) any later
// version; see COPYING.
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const { Profile } = require('pprof-format');

const profile = Profile.decode(zlib.gunzipSync(fs.readFileSync(process.argv[2])));
const str = (i) => profile.stringTable.strings[Number(i)];
const types = profile.sampleType.map((t) => [str(t.type), str(t.unit)]);
const sums = types.map(() => 0);
for (const s of profile.sample)
  s.value.forEach((v, i) => { sums[i] += Number(v); });
const functions = {};
for (const f of profile.function)
  functions[Number(f.id)] = [str(f.name), str(f.filename)];
const stacks = profile.sample.map((s) => s.locationId.map((id) => {
  const loc = profile.location.find((l) => Number(l.id) === Number(id));
  return loc.line.map((l) => functions[Number(l.functionId)][0]
                            + ':' + Number(l.line));
}));
process.stdout.write(JSON.stringify({
  types, sums, functions: Object.values(functions), stacks,
  samples: profile.sample.length,
  defaultSampleType: str(profile.defaultSampleType),
}) + '\n');
