"""A large batch is spread over processes and gives exactly the serial results, in order."""

from __future__ import annotations

from plan_helpers import at, complete_plan, to_yaml

from plantool.check import runner as checker
from plantool.plan.schema import load_schema


def test_parallel_batch_equals_serial(tmp_path):
    from plantool.register import load_register

    districts = [council.name for council in load_register().councils if council.type == "district"]
    files = []
    for n in range(3 * checker.PARALLEL_FROM):
        data = at(at(complete_plan(), "council.name", districts[n]), "council.gss_code", None)  # real names: no finding
        if n % 3 == 0:
            data = at(data, "disclosures.facility_time.percent_of_pay_bill", n / 10)
        if n % 5 == 0:
            data = at(data, "plan.status", "draft")
        path = tmp_path / f"p{n:03}.plan.yaml"
        path.write_text(to_yaml(data) + ("oops: [\n" if n == 7 else ""))
        files.append(path)
    schema = load_schema()
    serial = [checker.check_file(path, schema) for path in files]
    parallel = checker.check_files(files, schema)
    assert [r.file for r in parallel] == [str(p) for p in files]
    assert [(r.findings, r.answered, r.questions, r.status) for r in parallel] == [
        (r.findings, r.answered, r.questions, r.status) for r in serial
    ]
    assert any(r.findings for r in serial) and any(not r.findings for r in serial)
