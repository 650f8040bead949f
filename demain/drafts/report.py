"""The checker's report in French, for a terminal."""

from __future__ import annotations

from demain.lib.grounding import Report
from demain.lib.houseformat.typography import plural

KIND = {"figure": "chiffre", "quote": "citation", "entity": "nom"}
STATUS = {"supported": "étayé", "unsupported": "non étayé", "contradicted": "contredit"}
MARK = {"supported": "✓", "unsupported": "?", "contradicted": "✗"}


def render(name: str, report: Report) -> str:
    counts = {status: report.count(status) for status in STATUS}
    lines = [f"Vérification de {name} : {len(report.findings)} éléments — "
             f"{counts['supported']} étayés, {counts['unsupported']} non étayés, "
             f"{counts['contradicted']} contredits", ""]
    for finding in report.findings:
        where = f" par {finding.source}" if finding.source and finding.status == "supported" else (
            f" par {finding.source}" if finding.source else "")
        lines.append(f"{MARK[finding.status]} {KIND[finding.kind]} « {' '.join(finding.text.split())} » — "
                     f"{STATUS[finding.status]}{where}")
        if finding.explanation:
            lines.append(f"    {finding.explanation}")
        if finding.snippet:
            lines.append(f"    source : « {finding.snippet} »")
    lines.append("")
    if report.ok:
        lines.append("Tout est étayé.")
    else:
        lines.append("À corriger, ou à accepter avec une raison, avant approbation : "
                     f"{plural(counts['unsupported'] + counts['contradicted'], 'élément')}.")
    return "\n".join(lines)
