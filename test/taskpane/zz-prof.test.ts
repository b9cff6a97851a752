jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel" } }));
import { insertModel } from "../../src/taskpane/model/writer";
import { evaluate } from "../support/formula-engine";
import { fakeExcel } from "./fake-excel";
test("prof", async () => {
  for (let i = 0; i < 3; i++) {
    let t = Date.now();
    const xl = fakeExcel();
    await insertModel(xl.context);
    const t1 = Date.now();
    const name = (n: string) => (xl.names.get(n) as string).slice(1).replace(/\$/g, "");
    const e = evaluate(xl, { [name("Sim_Paths")]: 100 });
    const t2 = Date.now();
    e.hf.batch(() => { e.set(name("Uptime"), 0.8); e.set(name("Pool_Fee"), 0); });
    const t3 = Date.now();
    e.hf.batch(() => { e.set(name("Uptime"), 0.9); e.set(name("Pool_Fee"), 0.02); });
    const t4 = Date.now();
    let n = 0; for (const s of xl.sheets) n += [...xl.contents(s)].length;
    console.log(`insert ${t1 - t} evaluate ${t2 - t1} batch ${t3 - t2} batch2 ${t4 - t3} cells ${n} errors ${e.errors().length}`);
  }
}, 200000);
