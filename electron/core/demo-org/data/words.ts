/** Word lists for made-up people and companies. None of these are real customers. */
export const FIRST_NAMES = [
  'Ada', 'Alex', 'Amara', 'Anders', 'Aria', 'Bea', 'Caleb', 'Carmen', 'Chen', 'Dara', 'Diego', 'Elif', 'Emil', 'Esme', 'Farah',
  'Felix', 'Gita', 'Hana', 'Hugo', 'Ines', 'Ivan', 'Jada', 'Jonas', 'Kai', 'Keiko', 'Lars', 'Lena', 'Luca', 'Maya', 'Mateo',
  'Mila', 'Nadia', 'Nico', 'Noor', 'Omar', 'Oona', 'Pablo', 'Quinn', 'Rafael', 'Rhea', 'Rosa', 'Sami', 'Sana', 'Tariq', 'Thea',
  'Tomas', 'Uma', 'Vera', 'Viktor', 'Wren', 'Xavier', 'Yara', 'Yusuf', 'Zane', 'Zoe', 'Arjun', 'Bruno', 'Clara', 'Dev', 'Eva',
] as const;

export const LAST_NAMES = [
  'Abara', 'Bergstrom', 'Castillo', 'Dubois', 'Eriksen', 'Fontaine', 'Garcia', 'Haddad', 'Ibsen', 'Jovanovic', 'Kowalski',
  'Lindqvist', 'Moreau', 'Nakamura', 'Okonkwo', 'Petrov', 'Quintero', 'Rossi', 'Schmidt', 'Tanaka', 'Ueda', 'Varga', 'Weber',
  'Xu', 'Yilmaz', 'Zeller', 'Almeida', 'Brennan', 'Chowdhury', 'Delacroix', 'Esposito', 'Fischer', 'Gallagher', 'Horvat',
  'Iyer', 'Jensen', 'Kaur', 'Lopez', 'Mensah', 'Novak', 'Oyelaran', 'Pereira', 'Rahman', 'Sato', 'Teixeira', 'Ulloa',
  'Vasquez', 'Winter', 'Young', 'Zhou',
] as const;

export const COMPANY_WORDS = [
  'Acorn', 'Beacon', 'Cedar', 'Delta', 'Ember', 'Falcon', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kestrel', 'Lumen', 'Maple',
  'Nimbus', 'Orchid', 'Pioneer', 'Quarry', 'Riverside', 'Summit', 'Tidal', 'Umber', 'Vertex', 'Willow', 'Yonder', 'Zephyr',
] as const;

export const COMPANY_SUFFIXES = ['Labs', 'Supply', 'Works', 'Partners', 'Systems', 'Foods', 'Logistics', 'Studio', 'Health', 'Energy'] as const;

export const CITIES = [
  ['Austin', 'United States'], ['Denver', 'United States'], ['Portland', 'United States'], ['Toronto', 'Canada'],
  ['Berlin', 'Germany'], ['Lyon', 'France'], ['Porto', 'Portugal'], ['Utrecht', 'Netherlands'], ['Pune', 'India'],
  ['Chennai', 'India'], ['Melbourne', 'Australia'], ['Osaka', 'Japan'], ['Nairobi', 'Kenya'], ['Bogota', 'Colombia'],
] as const;

export const TITLES = ['CEO', 'CTO', 'Head of Sales', 'Operations Manager', 'Buyer', 'Marketing Lead', 'Founder', 'Analyst', 'Director', 'Engineer'] as const;
export const DEPARTMENTS = ['Sales', 'Marketing', 'Finance', 'Operations', 'IT', 'Purchasing'] as const;
