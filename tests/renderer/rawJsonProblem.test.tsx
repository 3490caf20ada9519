// @vitest-environment jsdom
/** The raw editor's bad-JSON message: plain words, with the line and column of the problem. */
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RawEditor, requestFromRaw, type RawState } from '../../renderer/src/console/RawEditor';
import { findJsonProblem } from '../../renderer/src/console/jsonProblem';

afterEach(cleanup);

function Harness({ initial }: { initial: RawState }) {
  const [raw, setRaw] = useState(initial);
  const problem = requestFromRaw(raw).problem;
  return (
    <>
      <RawEditor raw={raw} onChange={setRaw} />
      {problem ? <p data-testid="problem">{problem}</p> : null}
    </>
  );
}

describe('raw editor JSON problems', () => {
  it('says where the body goes wrong and what is probably missing, without the parser jargon', async () => {
    const user = userEvent.setup();
    const body = '{\n  "data": [\n    { "Last_Name": "Lovelace" }\n    { "Last_Name": "Byron" }\n  ]\n}';
    render(<Harness initial={{ method: 'GET', path: 'Leads', query: '{}', headers: '{}', body }} />);
    expect(screen.getByTestId('problem').textContent).toBe('A GET call has no body: empty the body or pick another method.');
    await user.selectOptions(screen.getByLabelText('Method'), 'POST');
    const text = screen.getByTestId('problem').textContent!;
    expect(text).toBe("The JSON body isn't valid at line 4, column 5: a comma or closing bracket is probably missing.");
    expect(text).not.toMatch(/position|Unexpected|Expected/);
  });

  it('phrases the common mistakes plainly, for the body, query and headers', () => {
    expect(findJsonProblem('{\n  "a": 1\n  "b": 2\n}')).toEqual({ line: 3, column: 3, reason: 'a comma or closing brace is probably missing.' });
    expect(findJsonProblem('{"a": 1,}')?.reason).toBe('there is an extra comma before the closing brace.');
    expect(findJsonProblem("{'a': 1}")?.reason).toBe('each name needs double quotes, like "Last_Name".');
    expect(findJsonProblem('{"a": ')?.reason).toMatch(/^the text ends too soon/);
    expect(findJsonProblem('{"a": 1}}')?.reason).toMatch(/^there is something extra after the end/);
    expect(findJsonProblem('{"a": True}')?.reason).toMatch(/true, false and null are written in lower case/);
    expect(findJsonProblem('{"a": [1, 2], "b": {"c": "\\u00e9\\n"}, "d": -1.5e3, "e": null}')).toBeNull();
    expect(requestFromRaw({ method: 'GET', path: 'Leads', query: '{\n  "fields": "Email",\n}', headers: '{}', body: '' }).problem).toBe(
      "The JSON query parameters aren't valid at line 3, column 1: there is an extra comma before the closing brace.",
    );
    expect(requestFromRaw({ method: 'GET', path: 'Leads', query: '{}', headers: '{x: 1}', body: '' }).problem).toBe(
      'The JSON headers aren\'t valid at line 1, column 2: each name needs double quotes, like "Last_Name".',
    );
  });
});
