#!/usr/bin/env python3
"""Builds Hyte's bundled Sotkanet reference and demo data from the real files in ../shared/data.

Outputs (src/main/resources/indicators/):
  sotkanet-indicators.json.gz  the October 2015 `GET /rest/1.1/indicators` response, unchanged
  sotkanet-metadata.json.gz    the September 2025 `GET /rest/1.1/indicators/{id}` records (11), as a list
  sotkanet-regions.json.gz     `GET /rest/1.1/regions` as of 2015, plus the 23 wellbeing services
                               counties (ids from rOpenGov) and the 6 collaborative areas (ids 845-850,
                               identified because their 683 absolute values equal the sums of their
                               municipalities exactly), with current municipalities' memberOf extended
  demo/values-683.csv          the 683 REST CSV export, ';'-separated, values unchanged
  demo/values-127.csv          indicator 127 (population) 2000-2022, geofi's download, as REST CSV
  demo/values-1990-2012.csv.gz the 54 indicators of the 2013 sotkanet-shiny download, as REST CSV
Values are copied as text, so their decimals stay exactly as published.
"""
import csv, gzip, json, os, sys

SHARED = os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'data')
OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'indicators')


def shared(*p):
    return os.path.join(SHARED, *p)


def write_gz_json(name, data):
    with gzip.open(os.path.join(OUT, name), 'wt', encoding='utf-8', compresslevel=9) as f:
        json.dump(data, f, ensure_ascii=False, separators=(',', ':'))


def main():
    os.makedirs(os.path.join(OUT, 'demo'), exist_ok=True)
    indicators = json.load(open(shared('sotkanet_catalogue_2015', 'sotkanet_indicators_2015.json'), encoding='utf-8'))
    write_gz_json('sotkanet-indicators.json.gz', indicators)

    metadata = {}
    for name in sorted(os.listdir(shared('sotkanet_indicator_metadata_2025'))):
        doc = json.load(open(shared('sotkanet_indicator_metadata_2025', name), encoding='utf-8'))
        for key, record in doc['indicators'].items():
            record = {k: v for k, v in record.items() if k != 'indicator_id'}
            metadata[int(key)] = record
    write_gz_json('sotkanet-metadata.json.gz', [metadata[k] for k in sorted(metadata)])

    regions = json.load(open(shared('sotkanet_catalogue_2015', 'sotkanet_regions_2015.json'), encoding='utf-8'))
    by_code = {(r['category'], r['code']): r for r in regions}
    key = list(csv.DictReader(open(shared('regions_and_municipalities', 'geofi_municipality_key_2026.csv'), encoding='utf-8')))
    hva_ids = {row['uusi_code']: int(row['uusi_id'])
               for row in csv.DictReader(open(shared('regions_and_municipalities', 'ropengov_sotkanet_hyvinvointialueet_region_ids.csv'), encoding='utf-8'))}
    hva, yta = {}, {}
    for k in key:
        hva[k['hyvinvointialue_code']] = k
        yta[k['yhteistyoalue_code']] = k
    for code, k in sorted(hva.items(), key=lambda e: int(e[0])):
        regions.append({'id': hva_ids[str(int(code))], 'code': code.zfill(2), 'category': 'HYVINVOINTIALUE',
                        'title': {l: k['hyvinvointialue_name_' + l] for l in ('fi', 'sv', 'en')},
                        'memberOf': [658], 'uri': None})
    for code, k in sorted(yta.items(), key=lambda e: int(e[0])):
        regions.append({'id': 844 + int(code), 'code': code, 'category': 'YHTEISTYOALUE',
                        'title': {l: k['yhteistyoalue_name_' + l] for l in ('fi', 'sv', 'en')},
                        'memberOf': [658], 'uri': None})
    for k in key:
        municipality = by_code[('KUNTA', k['kunta'].zfill(3))]
        for extra in (hva_ids[str(int(k['hyvinvointialue_code']))], 844 + int(k['yhteistyoalue_code'])):
            if extra not in municipality['memberOf']:
                municipality['memberOf'].append(extra)
    write_gz_json('sotkanet-regions.json.gz', regions)

    # Rewritten with ';' like Sotkanet's REST CSV; the values stay as text, unchanged.
    with open(os.path.join(OUT, 'demo', 'values-683.csv'), 'w', encoding='utf-8', newline='') as out:
        w = csv.writer(out, delimiter=';', lineterminator='\n')
        for row in csv.reader(open(shared('sotkanet_values', 'sotkanet_683_diabetes_2015_2023_all_regions.csv'), encoding='utf-8')):
            w.writerow(row)

    kunta_ids = {r['code']: r['id'] for r in json.load(open(shared('sotkanet_catalogue_2015', 'sotkanet_regions_2015.json'), encoding='utf-8')) if r['category'] == 'KUNTA'}
    with open(os.path.join(OUT, 'demo', 'values-127.csv'), 'w', encoding='utf-8', newline='') as out:
        w = csv.writer(out, delimiter=';', lineterminator='\n')
        w.writerow(['indicator', 'region', 'year', 'gender', 'primary value', 'absolute value'])
        rows = sorted(csv.DictReader(open(shared('sotkanet_values', 'geofi_sotkanet_127_population_kunta_2000_2022.csv'), encoding='utf-8')),
                      key=lambda r: (int(r['municipality_code']), int(r['year'])))
        for r in rows:
            w.writerow([127, kunta_ids[r['municipality_code'].zfill(3)], r['year'], 'total', r['primary.value'], ''])

    with gzip.open(os.path.join(OUT, 'demo', 'values-1990-2012.csv.gz'), 'wt', encoding='utf-8', newline='', compresslevel=9) as out:
        w = csv.writer(out, delimiter=';', lineterminator='\n')
        w.writerow(['indicator', 'region', 'year', 'gender', 'primary value', 'absolute value'])
        with gzip.open(shared('sotkanet_values', 'ouzor_sotkanet_values_2013vintage_long.csv.gz'), 'rt', encoding='utf-8') as f:
            for r in csv.DictReader(f):
                if r['primary_value'] not in ('', 'NA'):
                    w.writerow([r['indicator'], r['region'], r['year'], 'total', r['primary_value'], ''])
    print('ok', file=sys.stderr)


if __name__ == '__main__':
    main()
