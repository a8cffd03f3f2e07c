# Writes a long Markdown report (about 100 pages once converted) used to measure PDF reading speed.
import sys
sections = int(sys.argv[1]) if len(sys.argv) > 1 else 30
out = ["# Longland", "", "Author: A. Writer", "", "01.02.23", ""]
answers = "YPN"
for s in range(sections):
    out += [f"# Changes in key metrics {s + 1}", "", f"## Region {s + 1}", ""]
    out.append("| Year | " + " | ".join(f"Q{q}" for q in range(1, 13)) + " | Total |")
    out.append("|" + "---|" * 14)
    for y in range(2019, 2023):
        row = [answers[(y + q + s) % 3] for q in range(12)]
        total = sum({"Y": 1, "P": 0.5, "N": 0}[a] for a in row)
        out.append(f"| {y} | " + " | ".join(row) + f" | {total:.1f} |")
    out += ["", "The region reformed its data rules and opened consultations on automated decisions. " * 3, ""]
    out += ["# Most important developments", "", "## Country", ""]
    for i in range(1, 7):
        out.append(f"{i}. " + f"Development {i} of region {s + 1}: the ministry published guidance on **public procurement** of AI systems, "
                   "requiring impact assessments, transparency registers and human oversight for every high-risk use. " * 2)
    out.append("")
print("\n".join(out))
