/**
 * Module and field definitions of the demo orgs, in the vocabulary of Zoho's metadata APIs
 * (`settings/modules`, `settings/fields` — reference §5.3, [OAS] modules.json / fields.json).
 */
export type DataType =
  | 'text'
  | 'email'
  | 'phone'
  | 'website'
  | 'picklist'
  | 'textarea'
  | 'integer'
  | 'currency'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'lookup'
  | 'ownerlookup'
  | 'bigint';

export interface FieldSpec {
  api_name: string;
  label: string;
  data_type: DataType;
  mandatory?: boolean;
  unique?: boolean;
  read_only?: boolean;
  length?: number;
  picklist?: readonly string[];
  /** Target module of a lookup. */
  lookup?: string;
}

export interface ModuleSpec {
  api_name: string;
  /** Lower-case name used in scope strings (§6.2). */
  scope_name: string;
  plural_label: string;
  singular_label: string;
  api_supported: boolean;
  /** Numeric suffix used to build module ids. */
  seq: number;
  fields: readonly FieldSpec[];
}

const LEAD_SOURCES = ['Advertisement', 'Cold Call', 'Employee Referral', 'External Referral', 'Online Store', 'Partner', 'Trade Show', 'Web Download', 'Chat'] as const;
const INDUSTRIES = ['Technology', 'Retail', 'Manufacturing', 'Healthcare', 'Finance', 'Education', 'Hospitality', 'Logistics', 'Energy', 'Media'] as const;
export const PICKLISTS = {
  Lead_Source: LEAD_SOURCES,
  Lead_Status: ['Attempted to Contact', 'Contact in Future', 'Contacted', 'Junk Lead', 'Lost Lead', 'Not Contacted', 'Pre-Qualified', 'Not Qualified'],
  Industry: INDUSTRIES,
  Rating: ['Acquired', 'Active', 'Market Failed', 'Project Cancelled', 'Shut Down'],
  Account_Type: ['Analyst', 'Competitor', 'Customer', 'Distributor', 'Integrator', 'Investor', 'Partner', 'Press', 'Prospect', 'Reseller', 'Vendor'],
  Stage: ['Qualification', 'Needs Analysis', 'Value Proposition', 'Id. Decision Makers', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost'],
  Deal_Type: ['New Business', 'Existing Business'],
  Task_Status: ['Not Started', 'Deferred', 'In Progress', 'Completed', 'Waiting for input'],
} as const;

const audit: FieldSpec[] = [
  { api_name: 'Owner', label: 'Owner', data_type: 'ownerlookup' },
  { api_name: 'Created_By', label: 'Created By', data_type: 'ownerlookup', read_only: true },
  { api_name: 'Modified_By', label: 'Modified By', data_type: 'ownerlookup', read_only: true },
  { api_name: 'Created_Time', label: 'Created Time', data_type: 'datetime', read_only: true },
  { api_name: 'Modified_Time', label: 'Modified Time', data_type: 'datetime', read_only: true },
];

export const MODULES: readonly ModuleSpec[] = [
  {
    api_name: 'Leads',
    scope_name: 'leads',
    plural_label: 'Leads',
    singular_label: 'Lead',
    api_supported: true,
    seq: 2,
    fields: [
      { api_name: 'First_Name', label: 'First Name', data_type: 'text', length: 40 },
      { api_name: 'Last_Name', label: 'Last Name', data_type: 'text', mandatory: true, length: 80 },
      { api_name: 'Full_Name', label: 'Lead Name', data_type: 'text', read_only: true, length: 120 },
      { api_name: 'Company', label: 'Company', data_type: 'text', mandatory: true, length: 200 },
      { api_name: 'Designation', label: 'Title', data_type: 'text', length: 100 },
      { api_name: 'Email', label: 'Email', data_type: 'email', unique: true, length: 100 },
      { api_name: 'Phone', label: 'Phone', data_type: 'phone', length: 30 },
      { api_name: 'Mobile', label: 'Mobile', data_type: 'phone', length: 30 },
      { api_name: 'Website', label: 'Website', data_type: 'website', length: 255 },
      { api_name: 'Lead_Source', label: 'Lead Source', data_type: 'picklist', picklist: PICKLISTS.Lead_Source },
      { api_name: 'Lead_Status', label: 'Lead Status', data_type: 'picklist', picklist: PICKLISTS.Lead_Status },
      { api_name: 'Industry', label: 'Industry', data_type: 'picklist', picklist: PICKLISTS.Industry },
      { api_name: 'Annual_Revenue', label: 'Annual Revenue', data_type: 'currency' },
      { api_name: 'No_of_Employees', label: 'No. of Employees', data_type: 'integer' },
      { api_name: 'City', label: 'City', data_type: 'text', length: 100 },
      { api_name: 'Country', label: 'Country', data_type: 'text', length: 100 },
      { api_name: 'Email_Opt_Out', label: 'Email Opt Out', data_type: 'boolean' },
      { api_name: 'Description', label: 'Description', data_type: 'textarea', length: 32000 },
      ...audit,
    ],
  },
  {
    api_name: 'Contacts',
    scope_name: 'contacts',
    plural_label: 'Contacts',
    singular_label: 'Contact',
    api_supported: true,
    seq: 3,
    fields: [
      { api_name: 'First_Name', label: 'First Name', data_type: 'text', length: 40 },
      { api_name: 'Last_Name', label: 'Last Name', data_type: 'text', mandatory: true, length: 80 },
      { api_name: 'Full_Name', label: 'Contact Name', data_type: 'text', read_only: true, length: 120 },
      { api_name: 'Email', label: 'Email', data_type: 'email', unique: true, length: 100 },
      { api_name: 'Phone', label: 'Phone', data_type: 'phone', length: 30 },
      { api_name: 'Title', label: 'Title', data_type: 'text', length: 100 },
      { api_name: 'Department', label: 'Department', data_type: 'text', length: 100 },
      { api_name: 'Account_Name', label: 'Account Name', data_type: 'lookup', lookup: 'Accounts' },
      { api_name: 'Lead_Source', label: 'Lead Source', data_type: 'picklist', picklist: PICKLISTS.Lead_Source },
      { api_name: 'Mailing_City', label: 'Mailing City', data_type: 'text', length: 100 },
      { api_name: 'Mailing_Country', label: 'Mailing Country', data_type: 'text', length: 100 },
      { api_name: 'Date_of_Birth', label: 'Date of Birth', data_type: 'date' },
      ...audit,
    ],
  },
  {
    api_name: 'Accounts',
    scope_name: 'accounts',
    plural_label: 'Accounts',
    singular_label: 'Account',
    api_supported: true,
    seq: 4,
    fields: [
      { api_name: 'Account_Name', label: 'Account Name', data_type: 'text', mandatory: true, unique: true, length: 200 },
      { api_name: 'Website', label: 'Website', data_type: 'website', length: 255 },
      { api_name: 'Phone', label: 'Phone', data_type: 'phone', length: 30 },
      { api_name: 'Industry', label: 'Industry', data_type: 'picklist', picklist: PICKLISTS.Industry },
      { api_name: 'Account_Type', label: 'Account Type', data_type: 'picklist', picklist: PICKLISTS.Account_Type },
      { api_name: 'Rating', label: 'Rating', data_type: 'picklist', picklist: PICKLISTS.Rating },
      { api_name: 'Annual_Revenue', label: 'Annual Revenue', data_type: 'currency' },
      { api_name: 'Employees', label: 'Employees', data_type: 'integer' },
      { api_name: 'Billing_City', label: 'Billing City', data_type: 'text', length: 100 },
      { api_name: 'Billing_Country', label: 'Billing Country', data_type: 'text', length: 100 },
      ...audit,
    ],
  },
  {
    api_name: 'Deals',
    scope_name: 'deals',
    plural_label: 'Deals',
    singular_label: 'Deal',
    api_supported: true,
    seq: 5,
    fields: [
      { api_name: 'Deal_Name', label: 'Deal Name', data_type: 'text', mandatory: true, length: 120 },
      { api_name: 'Account_Name', label: 'Account Name', data_type: 'lookup', lookup: 'Accounts' },
      { api_name: 'Contact_Name', label: 'Contact Name', data_type: 'lookup', lookup: 'Contacts' },
      { api_name: 'Amount', label: 'Amount', data_type: 'currency' },
      { api_name: 'Stage', label: 'Stage', data_type: 'picklist', mandatory: true, picklist: PICKLISTS.Stage },
      { api_name: 'Probability', label: 'Probability (%)', data_type: 'integer' },
      { api_name: 'Closing_Date', label: 'Closing Date', data_type: 'date', mandatory: true },
      { api_name: 'Type', label: 'Type', data_type: 'picklist', picklist: PICKLISTS.Deal_Type },
      { api_name: 'Lead_Source', label: 'Lead Source', data_type: 'picklist', picklist: PICKLISTS.Lead_Source },
      ...audit,
    ],
  },
  {
    // Starts empty: list calls answer 204 with no body (§5.4).
    api_name: 'Tasks',
    scope_name: 'tasks',
    plural_label: 'Tasks',
    singular_label: 'Task',
    api_supported: true,
    seq: 6,
    fields: [
      { api_name: 'Subject', label: 'Subject', data_type: 'text', mandatory: true, length: 300 },
      { api_name: 'Due_Date', label: 'Due Date', data_type: 'date' },
      { api_name: 'Status', label: 'Status', data_type: 'picklist', picklist: PICKLISTS.Task_Status },
      ...audit,
    ],
  },
  {
    api_name: 'Notes',
    scope_name: 'notes',
    plural_label: 'Notes',
    singular_label: 'Note',
    api_supported: true,
    seq: 7,
    fields: [
      { api_name: 'Note_Title', label: 'Note Title', data_type: 'text', length: 120 },
      { api_name: 'Note_Content', label: 'Note Content', data_type: 'textarea', mandatory: true, length: 32000 },
      ...audit,
    ],
  },
  {
    // Shown in settings/modules like Zoho's Home tab, but not usable through the API.
    api_name: 'Home',
    scope_name: 'home',
    plural_label: 'Home',
    singular_label: 'Home',
    api_supported: false,
    seq: 1,
    fields: [],
  },
];

export function findModule(apiName: string): ModuleSpec | undefined {
  const k = apiName.toLowerCase();
  return MODULES.find((m) => m.api_name.toLowerCase() === k);
}

export function findField(module: ModuleSpec, apiName: string): FieldSpec | undefined {
  // Field API names are case-insensitive in Zoho's query parameters and COQL (observed, §6.1 spirit).
  const k = apiName.toLowerCase();
  return module.fields.find((f) => f.api_name.toLowerCase() === k);
}
