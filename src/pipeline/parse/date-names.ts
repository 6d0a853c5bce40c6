/** Reads `name:number name:number ...` into a lookup table. */
function table(text: string): Readonly<Record<string, number>> {
  return Object.fromEntries(
    text.split(/\s+/).map((pair) => {
      const [name, value] = pair.split(':') as [string, string];
      return [name, Number(value)];
    }),
  );
}

/**
 * Month names as RFC 822 dates spell them (first three or four letters, lower case), with the
 * German, French, Spanish, Dutch, Italian and Portuguese abbreviations localised feeds use.
 */
export const MONTHS = table(
  'jan:1 feb:2 mar:3 apr:4 may:5 jun:6 jul:7 aug:8 sep:9 sept:9 oct:10 nov:11 dec:12 mär:3 mrz:3 mai:5 okt:10 dez:12 janv:1 févr:2 fev:2 fév:2 mars:3 avr:4 juin:6 juil:7 août:8 aou:8 déc:12 ene:1 abr:4 ago:8 dic:12 mei:5 gen:1 mag:5 giu:6 lug:7 set:9 ott:10 out:10',
);

/**
 * Zone names seen in feed dates, as minutes east of UTC. RFC 822's single-letter military
 * zones are left out: RFC 1123 §5.2.14 notes their signs were specified backwards, so they
 * carry no information and read as UTC like any unknown zone.
 */
export const ZONE_OFFSETS = table(
  'z:0 ut:0 utc:0 gmt:0 wet:0 bst:60 cet:60 mez:60 cest:120 mesz:120 eet:120 eest:180 msk:180 est:-300 edt:-240 cst:-360 cdt:-300 mst:-420 mdt:-360 pst:-480 pdt:-420 akst:-540 akdt:-480 hst:-600 ast:-240 adt:-180 nzst:720 nzdt:780 aest:600 aedt:660 jst:540 kst:540 ist:330 hkt:480 sgt:480',
);
