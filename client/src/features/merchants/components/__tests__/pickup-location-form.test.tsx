import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeFetch } from '@/testing/fake-fetch';
import { merchantUser, sessionFor } from '@/testing/data';
import { renderWithApp } from '@/testing/render';
import { PickupLocationForm } from '../pickup-location-form';

const route = `/api/merchants/${merchantUser.id}/pickup-locations`;

function setup() {
  const network = createFakeFetch();
  const onDone = vi.fn();
  renderWithApp(<PickupLocationForm merchantId={merchantUser.id!} onDone={onDone} />, { network, session: sessionFor(merchantUser) });
  return { network, onDone, user: userEvent.setup() };
}

async function fillPlace(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Name of the place'), 'Depot');
  await user.type(screen.getByLabelText('Address line 1'), '7 Depot Road');
  await user.type(screen.getByLabelText('City'), 'London');
  await user.type(screen.getByLabelText('Postal code'), 'E1 6AN');
  await user.type(screen.getByLabelText('Country'), 'United Kingdom');
}

describe('PickupLocationForm', { timeout: 15_000 }, () => {
  it('checks the API’s rules before sending: each message on its field, focus on the first', async () => {
    const { network, user } = setup();
    await user.type(screen.getByLabelText('Longitude (optional)'), '-0.07');
    await user.click(screen.getByRole('button', { name: 'Add pickup location' }));

    const name = screen.getByLabelText('Name of the place');
    expect(name).toHaveFocus();
    expect(name).toHaveAccessibleDescription('For example Shop or Warehouse. Enter a name for the location, such as Main shop.');
    expect(screen.getByLabelText('City')).toHaveAccessibleDescription('Enter the town or city.');
    expect(screen.getByLabelText('Latitude (optional)')).toHaveAccessibleDescription(
      'Give both the latitude and the longitude of the address, or neither.',
    );
    expect(screen.getByLabelText('Address line 2 (optional)')).not.toHaveAttribute('aria-invalid');
    expect(network.sent('POST', route)).toHaveLength(0);
  });

  it('adds the location, blanks as missing and coordinates as numbers', async () => {
    const { network, onDone, user } = setup();
    network.post(route, { status: 201, body: {} });
    await fillPlace(user);
    await user.type(screen.getByLabelText('Latitude (optional)'), '51.52');
    await user.type(screen.getByLabelText('Longitude (optional)'), '-0.07');
    await user.click(screen.getByLabelText('Collect new orders here unless I choose another place'));
    await user.click(screen.getByRole('button', { name: 'Add pickup location' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(network.sent('POST', route)[0]!.body).toEqual({
      label: 'Depot',
      address: {
        line1: '7 Depot Road',
        city: 'London',
        postalCode: 'E1 6AN',
        country: 'United Kingdom',
        latitude: 51.52,
        longitude: -0.07,
      },
      isDefault: true,
    });
  });

  it('shows the API’s refusal of a field on that field', async () => {
    const { network, onDone, user } = setup();
    network.post(route, {
      status: 400,
      body: { title: 'One or more fields are invalid.', status: 400, errors: { 'address.postalCode': ['Not a postal code here.'] } },
    });
    await fillPlace(user);
    await user.click(screen.getByRole('button', { name: 'Add pickup location' }));

    await waitFor(() => expect(screen.getByLabelText('Postal code')).toHaveAccessibleDescription('Not a postal code here.'));
    expect(screen.getByLabelText('Postal code')).toHaveAttribute('aria-invalid', 'true');
    expect(onDone).not.toHaveBeenCalled();
  });
});
