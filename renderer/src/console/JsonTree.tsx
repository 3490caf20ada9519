/** The collapsible JSON tree (@uiw/react-json-view), loaded on demand. */
import JsonView from '@uiw/react-json-view';

export default function JsonTree({ value }: { value: unknown }) {
  const wrapped = value !== null && typeof value === 'object' ? (value as object) : { value };
  // Thousands of fetched records open one level at a time, when the user asks.
  const big = Array.isArray(value) && value.length > 500;
  return <JsonView value={wrapped} collapsed={big ? true : 2} displayDataTypes={false} enableClipboard shortenTextAfterLength={120} />;
}
