/** Presentation mode's one masking module (shared/presentation/mask.ts). */
import { describe, expect, it } from 'vitest';
import { isPersonalField, maskEmail, maskEmailsIn, maskFieldValue, maskId, maskJson, maskName, maskPhone, maskRecord, maskText } from '../../shared/presentation/mask';

describe('masks', () => {
  it.each([
    ['1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ3X7Q', '1000.••••••••••3X7Q'],
    ['1000.AB', '1000.••••••••••'],
    ['5550001234567', '••••••••••4567'],
    ['', ''],
  ])('client and org ids: %s → %s', (input, out) => expect(maskId(input)).toBe(out));

  it.each([
    ['Ada Lovelace', 'A•••• L••••'],
    ['  Grace   Brewster Hopper ', 'G•••• B•••• H••••'],
    ['Ölgün', 'Ö••••'],
    ['', ''],
  ])('names keep an initial per word: %s', (input, out) => expect(maskName(input)).toBe(out));

  it('emails keep a first letter and the ending of the domain, not the length', () => {
    expect(maskEmail('ada.lovelace@example.com')).toBe('a••••@e••••.com');
    expect(maskEmail('x@y.co.uk')).toBe('x••••@y••••.uk');
    expect(maskEmail('not-an-email')).toBe('••••••');
    expect(maskEmail('a@b.com').length).toBe(maskEmail('averyveryverylongname@b.com').length);
  });

  it('phones keep the last two digits; free text keeps nothing', () => {
    expect(maskPhone('+44 20 7946 0958')).toBe('••••••58');
    expect(maskPhone('12')).toBe('••••••');
    expect(maskPhone('')).toBe('');
    expect(maskText('Met at the conference, wants a demo')).toBe('••••••');
    expect(maskText('')).toBe('');
  });

  it('finds emails inside any text', () => {
    expect(maskEmailsIn('(Email:equals:ada@example.com)and(Last_Name:starts_with:L)')).toBe('(Email:equals:a••••@e••••.com)and(Last_Name:starts_with:L)');
    expect(maskEmailsIn('GET Leads')).toBe('GET Leads');
  });
});

describe('which fields are personal', () => {
  it.each([
    ['Last_Name', 'text', true],
    ['First_Name', undefined, true],
    ['Full_Name', 'text', true],
    ['Email', 'email', true],
    ['Secondary_Email', 'email', true],
    ['Work_Contact', 'email', true],
    ['Phone', 'phone', true],
    ['Mobile', 'text', true],
    ['Home_Contact', 'phone', true],
    ['Mailing_Street', 'text', true],
    ['City', 'text', true],
    ['Zip_Code', 'text', true],
    ['Billing_Address', 'text', true],
    ['Owner', 'ownerlookup', true],
    ['Notes_Field', 'textarea', true],
    ['Description', 'textarea', true],
    ['zgid', undefined, true],
    ['Lead_Status', 'picklist', false],
    ['Annual_Revenue', 'currency', false],
    ['Created_Time', 'datetime', false],
    ['id', undefined, false],
  ])('%s (%s) → %s', (name, type, personal) => expect(isPersonalField(name, type)).toBe(personal));
});

describe('field values, records and JSON', () => {
  it('masks a field value by its kind', () => {
    expect(maskFieldValue('Last_Name', 'Lovelace', 'text')).toBe('L••••');
    expect(maskFieldValue('Work_Contact', 'ada@example.com', 'email')).toBe('a••••@e••••.com');
    expect(maskFieldValue('Mobile', '+1 555 0100 42')).toBe('••••••42');
    expect(maskFieldValue('Description', 'Lives next door', 'textarea')).toBe('••••••');
    expect(maskFieldValue('Lead_Status', 'Contacted', 'picklist')).toBe('Contacted');
    // An email in a field that is not personal by name is still masked.
    expect(maskFieldValue('Lead_Source', 'ada@example.com', 'text')).toBe('a••••@e••••.com');
    expect(maskFieldValue('Owner', { name: 'Grace Hopper', id: '42', email: 'grace@navy.mil' }, 'ownerlookup')).toEqual({ name: 'G•••• H••••', id: '42', email: 'g••••@n••••.mil' });
    expect(maskFieldValue('Annual_Revenue', 120000, 'currency')).toBe(120000);
    expect(maskFieldValue('Last_Name', null)).toBeNull();
  });

  it('masks a record, keeping ids and non-personal fields', () => {
    const record = { id: '555', Last_Name: 'Lovelace', First_Name: 'Ada', Email: 'ada@example.com', Phone: '020 7946 0958', Company: 'Analytical', Lead_Status: 'New', Street: '12 Marylebone Rd', City: 'London', Zip_Code: 'NW1 5LR' };
    const masked = maskRecord(record, [{ apiName: 'Email', dataType: 'email' }]);
    expect(masked).toMatchObject({ id: '555', Company: 'Analytical', Lead_Status: 'New', Last_Name: 'L••••', First_Name: 'A••••', Email: 'a••••@e••••.com', Phone: '••••••58' });
    const text = JSON.stringify(masked);
    for (const secret of ['Lovelace', 'Ada', 'ada@example.com', '7946', 'Marylebone', 'London', 'NW1']) expect(text).not.toContain(secret);
  });

  it('masks string values of personal keys anywhere in an answer, and emails under any key', () => {
    const body = {
      data: [{ id: '1', Full_Name: 'Ada Lovelace', Account_Name: { name: 'Analytical Engines', id: '9' }, Owner: { name: 'Grace Hopper', id: '7', email: 'grace@navy.mil' }, Tag: [{ name: 'vip' }], Lead_Status: 'New', Notes: 'call ada@example.com' }],
      users: [{ full_name: 'Ada Lovelace', email: 'ada@example.com', zuid: '60001234' }],
      org: [{ company_name: 'Acme', zgid: '70009876', primary_email: 'boss@acme.test', phone: '+1 555 1234' }],
      info: { per_page: 200, more_records: false, count: 1 },
    };
    const masked = maskJson(body) as typeof body;
    const text = JSON.stringify(masked);
    for (const secret of ['Lovelace', 'Grace', 'grace@navy.mil', 'ada@example.com', '60001234', '70009876', 'boss@acme.test', '555 1234', 'Analytical']) expect(text).not.toContain(secret);
    expect(masked.data[0]!.id).toBe('1');
    expect(masked.data[0]!.Lead_Status).toBe('New');
    expect(masked.data[0]!.Notes).toBe('call a••••@e••••.com');
    expect(masked.info).toEqual(body.info);
    expect(masked.org[0]!.zgid).toBe('••••••••••9876');
    // The input is not changed.
    expect(body.data[0]!.Full_Name).toBe('Ada Lovelace');
    expect(maskJson(null)).toBeNull();
    expect(maskJson('plain')).toBe('plain');
  });
});
