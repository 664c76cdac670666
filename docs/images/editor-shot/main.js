import * as monaco from 'monaco-editor';
import { configureMonacoYaml } from 'monaco-yaml';

window.MonacoEnvironment = {
  getWorker(_, label) {
    if (label === 'yaml') return new Worker('yaml.worker.js');
    return new Worker('editor.worker.js');
  },
};

const text = `# แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ 2567
fiscal_year: 2567
items:
  - id: "67-001"
    title: โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3
    department: กองช่าง
    budget: 1850000
    method: วิธี
`;

async function start() {
  const schema = await (await fetch('plan.schema.json')).json();
  configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    schemas: [{ uri: 'http://localhost/schemas/plan.schema.json', fileMatch: ['**/procurement/plans/*.yaml'], schema }],
  });
  const model = monaco.editor.createModel(text, 'yaml', monaco.Uri.parse('file:///site/content/procurement/plans/2567.yaml'));
  const editor = monaco.editor.create(document.getElementById('e'), {
    model, fontSize: 17, fontFamily: 'Tlwg Typo, Garuda, monospace', minimap: { enabled: false },
    theme: 'vs', automaticLayout: true, suggest: { showStatusBar: false },
  });
  editor.setPosition({ lineNumber: 8, column: 17 });
  editor.focus();
  setTimeout(() => {
    editor.trigger('shot', 'editor.action.triggerSuggest', {});
    setTimeout(() => { document.body.dataset.ready = '1'; }, 2500);
  }, 2500);
}
start();
