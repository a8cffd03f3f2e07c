import { describe, expect, it } from 'vitest';
import { countryFromMisreadTitle, countryFromTitle } from '../../src/core/country.js';

describe('countryFromTitle', () => {
  it.each([
    ['Kazakhstan', 'KZ', 'KAZ', 'Kazakhstan'],
    ['Vietnam', 'VN', 'VNM', 'Vietnam'],
    ['South Korea', 'KR', 'KOR', 'South Korea'],
    ['North Korea', 'KP', 'PRK', 'North Korea'],
    ['Turkey', 'TR', 'TUR', 'Türkiye'],
    ['Türkiye', 'TR', 'TUR', 'Türkiye'],
    ['TURKIYE', 'TR', 'TUR', 'Türkiye'],
    ['Czech Republic', 'CZ', 'CZE', 'Czechia'],
    ['Czechia', 'CZ', 'CZE', 'Czechia'],
    ['Macedonia', 'MK', 'MKD', 'North Macedonia'],
    ['Russia', 'RU', 'RUS', 'Russia'],
    ['Iran', 'IR', 'IRN', 'Iran'],
    ['Syria', 'SY', 'SYR', 'Syria'],
    ['Laos', 'LA', 'LAO', 'Laos'],
    ['Bolivia', 'BO', 'BOL', 'Bolivia'],
    ['Venezuela', 'VE', 'VEN', 'Venezuela'],
    ['Tanzania', 'TZ', 'TZA', 'Tanzania'],
    ['Moldova', 'MD', 'MDA', 'Moldova'],
    ['UK', 'GB', 'GBR', 'United Kingdom'],
    ['United Kingdom', 'GB', 'GBR', 'United Kingdom'],
    ['Great Britain', 'GB', 'GBR', 'United Kingdom'],
    ['USA', 'US', 'USA', 'United States'],
    ['United States', 'US', 'USA', 'United States'],
    ['UAE', 'AE', 'ARE', 'United Arab Emirates'],
    ['Ivory Coast', 'CI', 'CIV', "Côte d'Ivoire"],
    ['Côte d’Ivoire', 'CI', 'CIV', "Côte d'Ivoire"],
    ['Taiwan', 'TW', 'TWN', 'Taiwan'],
    ['Palestine', 'PS', 'PSE', 'State of Palestine'],
    ['  kazakhstan ', 'KZ', 'KAZ', 'Kazakhstan'],
    ['the Netherlands', 'NL', 'NLD', 'Netherlands'],
    ['Bosnia & Herzegovina', 'BA', 'BIH', 'Bosnia and Herzegovina'],
    ['DR Congo', 'CD', 'COD', 'Democratic Republic of the Congo'],
    ['Hong Kong', 'HK', 'HKG', 'Hong Kong'],
    ['Brasil', 'BR', 'BRA', 'Brazil'],
    ['AI policy in Brasil 2023', 'BR', 'BRA', 'Brazil'],
    ['Holland', 'NL', 'NLD', 'Netherlands'],
    ['The Netherlands', 'NL', 'NLD', 'Netherlands'],
    ['Republic of Korea', 'KR', 'KOR', 'South Korea'],
    ['Korea, Republic of', 'KR', 'KOR', 'South Korea'],
    ['Russian Federation', 'RU', 'RUS', 'Russia'],
    ['Viet Nam', 'VN', 'VNM', 'Vietnam'],
    ['Lao PDR', 'LA', 'LAO', 'Laos'],
    ["Cote d'Ivoire", 'CI', 'CIV', "Côte d'Ivoire"],
    ['The Gambia', 'GM', 'GMB', 'Gambia'],
    ['The Bahamas', 'BS', 'BHS', 'Bahamas'],
    ['Kyrgyz Republic', 'KG', 'KGZ', 'Kyrgyzstan'],
    ['Slovak Republic', 'SK', 'SVK', 'Slovakia'],
    ['Cabo Verde', 'CV', 'CPV', 'Cape Verde'],
  ])('%s -> %s', (title, iso2, iso3, name) => {
    expect(countryFromTitle(title)).toEqual({ name, iso2, iso3 });
  });

  it('finds a country name standing inside a longer title', () => {
    expect(countryFromTitle('Kazakhstan 2023')?.iso2).toBe('KZ');
    expect(countryFromTitle('Country report: Kenya')?.iso2).toBe('KE');
    expect(countryFromTitle('Papua New Guinea report')?.iso2).toBe('PG');
    expect(countryFromTitle('AI policy in the UK')?.iso2).toBe('GB');
  });

  it('needs whole words and capitals for short names', () => {
    expect(countryFromTitle('Nigeria')?.iso2).toBe('NG');
    expect(countryFromTitle('Niger')?.iso2).toBe('NE');
    expect(countryFromTitle('Tell us about AI')).toBeNull();
    expect(countryFromTitle('AI policy')).toBeNull();
    expect(countryFromTitle('Changes in key metrics')).toBeNull();
  });
});

describe('countryFromMisreadTitle', () => {
  it('names the one country whose name is a letter or two off the title', () => {
    expect(countryFromMisreadTitle('Tirkiye')?.iso2).toBe('TR');
    expect(countryFromMisreadTitle('Tiirkiye')?.iso2).toBe('TR');
    expect(countryFromMisreadTitle('Kazakhstari')?.iso2).toBe('KZ');
    expect(countryFromMisreadTitle('Uruguav')?.iso2).toBe('UY');
  });

  it('names none for short names, titles far from any name, or where two countries come as near', () => {
    expect(countryFromMisreadTitle('Irak')).toBeNull();
    expect(countryFromMisreadTitle('Annual review')).toBeNull();
    expect(countryFromMisreadTitle('Central Asia')).toBeNull();
    // One letter from Nigeria and one from Niger.
    expect(countryFromMisreadTitle('Nigera')).toBeNull();
  });
});
