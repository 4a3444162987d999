// Validates a CycloneDX 1.6 JSON document with the CycloneDX project's own JavaScript library
// (@cyclonedx/cyclonedx-library: its bundled bom-1.6 schema, strict mode). Independent of boxer's code.
// Usage: node validate-cyclonedx.cjs FILE NODE_MODULES_PARENT   exit 0 valid, 1 invalid, 2 could not run.
'use strict';
const fs = require('fs');
const [file, modules] = process.argv.slice(2);
const cdx = require(require.resolve('@cyclonedx/cyclonedx-library', { paths: [modules] }));
const validator = new cdx.Validation.JsonStrictValidator(cdx.Spec.Version.v1dot6);
validator.validate(fs.readFileSync(file, 'utf8')).then(
  (errors) => {
    if (errors === null) {
      console.log(`${file} valid`);
      process.exit(0);
    }
    console.error(JSON.stringify(errors, null, 1));
    process.exit(1);
  },
  (error) => {
    console.error(String(error));
    process.exit(2);
  });
