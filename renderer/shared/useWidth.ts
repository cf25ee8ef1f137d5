import { useEffect, useState } from 'react';

/**
 * An element's width, followed as the window is resized: give the ref to the element (Infinity
 * until it is laid out, or while it is not in the page).
 */
export function useWidth<T extends HTMLElement>(): [ref: (element: T | null) => void, width: number] {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(Infinity);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, width];
}
