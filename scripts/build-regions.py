#!/usr/bin/env python3
"""Builds Hyte's own region list (src/main/resources/organisation/regions-2026.csv) from the
official 2026 municipality key (Statistics Finland, CC BY 4.0, via rOpenGov/geofi) and the
Sotkanet region ids (THL, CC BY 4.0) in ../shared/data. Run it again when the key changes."""
import csv, pathlib, sys

root = pathlib.Path(__file__).resolve().parent.parent
data = root.parent / "shared" / "data" / "regions_and_municipalities"
out = root / "src" / "main" / "resources" / "organisation" / "regions-2026.csv"

key = {r["kunta"].zfill(3): r for r in csv.DictReader(open(data / "geofi_municipality_key_2026.csv", encoding="utf-8"))}
derived = list(csv.DictReader(open(data / "DERIVED_kunta_2026_hva_sotkanet_region_ids.csv", encoding="utf-8")))
hva_ids = {r["uusi_code"].zfill(2): r["uusi_id"] for r in csv.DictReader(open(data / "ropengov_sotkanet_hyvinvointialueet_region_ids.csv", encoding="utf-8"))}

rows, counties, regions = [], {}, {}
for d in derived:
    k = key[d["kunta_code"]]
    county = d["hyvinvointialue_code"].zfill(2)
    region = d["maakunta_code"].zfill(2)
    rows.append(["MUNICIPALITY", d["kunta_code"], d["name_fi"], d["name_sv"], d["name_en"], county, region,
                 d["sotkanet_kunta_region_id"], k["kuntaryhmitys_code"], k["kielisuhde_code"]])
    counties[county] = [k["hyvinvointialue_name_fi"], k["hyvinvointialue_name_sv"], k["hyvinvointialue_name_en"],
                        region, hva_ids.get(county, d["sotkanet_hyvinvointialue_region_id"])]
    regions[region] = [k["maakunta_name_fi"], k["maakunta_name_sv"], k["maakunta_name_en"], d["sotkanet_maakunta_region_id"]]

with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["kind", "code", "name_fi", "name_sv", "name_en", "county_code", "region_code", "sotkanet_id",
                "municipality_group", "language_ratio"])
    for code, (fi, sv, en, sid) in sorted(regions.items()):
        w.writerow([c.strip() for c in ["REGION", code, fi, sv, en, "", "", sid, "", ""]])
    for code, (fi, sv, en, region, sid) in sorted(counties.items()):
        w.writerow([c.strip() for c in ["WELLBEING_COUNTY", code, fi, sv, en, "", region, sid, "", ""]])
    for r in sorted(rows, key=lambda r: r[1]):
        w.writerow([c.strip() for c in r])
print(f"{out}: {len(regions)} regions, {len(counties)} counties, {len(rows)} municipalities", file=sys.stderr)
