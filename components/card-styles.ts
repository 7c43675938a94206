import { css } from 'lit';

/** The card look the demo's panels share. */
export const cardStyles = css`
  :host {
    display: block;
    max-width: 36rem;
    margin: 0 0 1.5rem;
    padding: 1.25rem;
    border-radius: 12px;
    background: white;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
  }
  h3 {
    margin: 0 0 0.5rem;
  }
  button {
    display: inline-flex;
    gap: 0.35rem;
    align-items: center;
    font: inherit;
    padding: 0.4rem 0.9rem;
    border: 0;
    border-radius: 8px;
    color: white;
    background: #f6821f;
    cursor: pointer;
  }
  button.quiet {
    padding: 0.1rem 0.5rem;
    color: #6b7280;
    background: transparent;
  }
  input[type='text'] {
    font: inherit;
    padding: 0.4rem 0.7rem;
    border: 1px solid #d1d5db;
    border-radius: 8px;
  }
  ul {
    margin: 0.75rem 0 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    padding: 0.3rem 0;
    border-bottom: 1px solid #f3f4f6;
  }
  .icon {
    flex: none;
  }
  .muted {
    color: #6b7280;
    font-size: 0.875rem;
  }
  .error {
    color: #b00020;
  }
`;
